// R27, R37 (issue 18): every well-formed signed delivery gets 200. The sender is `from`, else
// `from_user_id`, else the single `contacts[].user_id`; a message with none is stored under the
// customer `unattributed` and counted; a group message's customer is `group:<id>`. A message core
// refuses for good (a lone surrogate in a WhatsApp id: INVALID_INPUT) is counted as rejected and
// the rest of the delivery is stored, 200; only a storage failure answers an error (500, so that
// WhatsApp delivers again).
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteDatabase } from '../http/support/tempFiles';
import { N, PNID, WABA, whatsappWorld, type WhatsAppWorld } from './support/world';

let world: WhatsAppWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const value = (messages: unknown[], contacts?: unknown[]) => ({
  object: 'whatsapp_business_account' as const,
  entry: [
    {
      id: WABA,
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: N.slice(1), phone_number_id: PNID },
            ...(contacts ? { contacts } : {}),
            messages,
          },
        },
      ],
    },
  ],
});
const text = (id: string, body: string, sender: Record<string, string> = {}) => ({
  ...sender,
  id,
  timestamp: '1780000000',
  type: 'text',
  text: { body },
});
const ids = async (customer: string) =>
  (await world!.view('desk', N, customer)).map((m) => (m.raw as { id: string }).id);

describe('R37: the sender of a message', () => {
  it('R37: a username user known only by contacts[0].user_id is stored under that id, answered 200', async () => {
    world = await whatsappWorld();
    const answer = await world.deliver(
      value([text('wamid.user.1', 'hi')], [{ profile: { name: 'kerry.f' }, user_id: 'US.ENT.118157992128' }]),
    );
    expect(answer.status).toBe(200);
    expect(await ids('US.ENT.118157992128')).toEqual(['wamid.user.1']);
  });

  it('R37: from wins over from_user_id, which wins over contacts[].user_id', async () => {
    world = await whatsappWorld();
    const contact = [{ wa_id: '16505551234', user_id: 'US.1' }];
    await world.deliver(value([text('wamid.s.1', 'a', { from: '16505551234', from_user_id: 'US.2' })], contact));
    await world.deliver(value([text('wamid.s.2', 'b', { from_user_id: 'US.2' })], [{ user_id: 'US.1' }]));
    expect(await ids('+16505551234')).toEqual(['wamid.s.1']);
    expect(await ids('US.2')).toEqual(['wamid.s.2']);
  });

  it('R37: no sender id at all: stored under `unattributed`, delivered like any inbound, counted', async () => {
    world = await whatsappWorld();
    expect((await world.deliver(value([text('wamid.none.1', 'who am I?')]))).status).toBe(200);
    expect(await ids('unattributed')).toEqual(['wamid.none.1']);
    expect((await world.view('books', N, 'unattributed')).map((m) => m.text)).toEqual(['who am I?']);
    expect((await world.report()).webhook.notes.unattributed).toBe(1);
  });

  it('R37: a group message is stored under group:<id>, its sender kept on the message', async () => {
    world = await whatsappWorld();
    const message = { ...text('wamid.g.1', 'hello group', { from: '16505551234' }), group_id: 'G1' };
    expect((await world.deliver(value([message], [{ wa_id: '16505551234', profile: { name: 'K' } }]))).status).toBe(
      200,
    );
    const [stored] = await world.view('crm', N, 'group:G1');
    expect(stored?.raw).toMatchObject({
      from: '16505551234',
      onenumber: { kind: 'text', sender: { phone: '+16505551234', name: 'K' } },
    });
  });
});

describe('R27: refused for good is counted, never redelivered', () => {
  it('R27: a lone surrogate in a wamid or a sender id: 200, the rest of the delivery stored, counted as rejected', async () => {
    world = await whatsappWorld();
    const delivery = value([
      text('wamid.ok.1', 'first', { from: '16505551234' }),
      text('wamid.bad.\uD800', 'broken id', { from: '16505551234' }),
      text('wamid.bad.2', 'broken sender', { from_user_id: 'US.\uDC00' }),
      text('wamid.ok.2', 'last', { from: '16505551234' }),
    ]);
    const answer = await world.deliver(delivery);
    expect(answer.status).toBe(200);
    expect(await ids('+16505551234')).toEqual(['wamid.ok.1', 'wamid.ok.2']);
    const { webhook } = await world.report();
    expect(webhook.notes.rejected).toBe(2);
    expect(webhook).toMatchObject({ accepted: 1, failed: 0, messages: { received: 2 } });
  });

  it('R15: a storage failure answers 500 (WhatsApp delivers again), and the redelivery is stored once', async () => {
    const db = sqliteDatabase();
    const receive = db.storage.receive.bind(db.storage);
    let failing = true;
    db.storage.receive = async (input) => {
      if (failing) throw new Error('disk I/O error');
      return receive(input);
    };
    world = await whatsappWorld({}, { db });
    const delivery = value([text('wamid.retry.1', 'are you there?', { from: '16505551234' })]);
    expect((await world.deliver(delivery)).status).toBe(500);
    failing = false;
    expect((await world.deliver(delivery)).status).toBe(200);
    expect((await world.deliver(delivery)).status).toBe(200);
    expect(await ids('+16505551234')).toEqual(['wamid.retry.1']);
    expect((await world.report()).webhook).toMatchObject({ failed: 1, accepted: 2, lastFailure: 'Error' });
  });
});
