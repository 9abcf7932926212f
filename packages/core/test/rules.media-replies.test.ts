// R16, R17, R20 for a reply that carries media (issue 19): stored as its kind with the media part,
// shown whole to the sending service, and to every other service as the kind only (no caption,
// no link, no media id), in views and in events.
import { describe, expect, it } from 'vitest';
import { contentKey } from '../src';
import { C1, N1, connectAll, eventsOf, makeWorld, refusal } from './support/world';

const target = { org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 } as const;
const secret = 'https://files.example.com/invoice-4711.pdf';

describe('media replies (R16, R17, R20)', () => {
  it('a document by link: the sender sees it whole; desk sees a masked document, and nothing of it anywhere', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'invoice please', id: 'w1' });
    const { message } = await one.reply({
      ...target,
      media: { kind: 'document', media: { link: secret }, caption: 'Invoice 4711', filename: 'invoice-4711.pdf' },
    });
    const own = (await one.view(target)).messages.find((m) => m.id === message)!;
    expect(own).toMatchObject({ type: 'document', masked: false, text: '📄 Document: invoice-4711.pdf' });
    expect(own.raw).toMatchObject({
      media: { link: secret },
      caption: 'Invoice 4711',
      filename: 'invoice-4711.pdf',
      [contentKey]: { kind: 'document', caption: 'Invoice 4711', mediaId: null },
    });
    const masked = (await one.view({ ...target, service: 'desk', agent: 'b' })).messages.find((m) => m.id === message)!;
    expect(masked).toMatchObject({ type: 'document', masked: true, text: null, raw: null, agent: null });
    const deskEvents = JSON.stringify(await eventsOf(one, 'desk'));
    for (const hidden of [secret, 'Invoice 4711', 'invoice-4711']) expect(deskEvents).not.toContain(hidden);
  });

  it('an image by uploaded media id, with a caption: its content names the media id for the sender only', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'photo?', id: 'w1' });
    const { message } = await one.reply({
      ...target,
      media: { kind: 'image', media: { id: '1013859600285441' }, caption: 'Here' },
    });
    const own = (await one.view(target)).messages.find((m) => m.id === message)!;
    expect(own).toMatchObject({ type: 'image', text: '📷 Photo: Here', raw: { media: { id: '1013859600285441' } } });
    const masked = (await one.view({ ...target, service: 'desk', agent: 'b' })).messages.find((m) => m.id === message)!;
    expect(masked).toMatchObject({ type: 'image', masked: true, text: null, raw: null });
    expect(JSON.stringify(await eventsOf(one, 'desk'))).not.toContain('1013859600285441');
  });

  it('refuses what WhatsApp would: text and media together, neither, a sticker caption, a filename on an image, a non-http link', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    const image = { kind: 'image', media: { id: 'm1' } } as const;
    await refusal(one.reply({ ...target, text: 'both', media: image }), 'INVALID_INPUT');
    await refusal(one.reply({ ...target }), 'INVALID_INPUT');
    await refusal(
      one.reply({ ...target, media: { kind: 'sticker', media: { id: 'm1' }, caption: 'x' } }),
      'INVALID_INPUT',
    );
    await refusal(one.reply({ ...target, media: { ...image, filename: 'a.jpg' } }), 'INVALID_INPUT');
    await refusal(
      one.reply({ ...target, media: { kind: 'image', media: { link: 'file:///etc/passwd' } } }),
      'INVALID_INPUT',
    );
    await refusal(
      one.reply({ ...target, media: { kind: 'image', media: { id: 'm1', link: secret } } as never }),
      'INVALID_INPUT',
    );
    expect((await one.view(target)).messages).toHaveLength(1);
  });
});
