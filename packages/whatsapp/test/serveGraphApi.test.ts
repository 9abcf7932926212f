// serveGraphApi: the simulator's Graph API on a loopback port for a server in another process, with
// the two drop moments that bound issue 5's kill window and a hook on every accepted send.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGraphClient,
  createManualClock,
  createSimulator,
  encodeCallbackData,
  serveGraphApi,
  type GraphApiServer,
} from '../src';
import { N1, PNID, SECRET } from './support/world';

const token = 'loopback-token';
let graph: GraphApiServer | undefined;
afterEach(async () => graph?.close());

async function world(answerDelayMs = 0) {
  const sim = createSimulator({
    appSecret: SECRET,
    numbers: { [N1]: PNID },
    clock: createManualClock({ start: '2025-06-01T10:00:00.000Z' }),
  });
  sim.connect(async () => new Response(null, { status: 200 })); // a webhook that takes everything
  const taro = sim.customer('+819012345678');
  await taro.send('hi', { to: N1 }); // opens the 24-hour window
  graph = await serveGraphApi(sim, { accessToken: token, answerDelayMs });
  const client = createGraphClient({
    graphUrl: graph.url,
    accessToken: token,
    phoneNumberId: (n) => sim.phoneNumberIdOf(n),
    maxAttempts: 1,
    env: {},
  });
  const send = (body: string, message = 'msg_1') =>
    client.sendText({
      from: N1,
      to: taro.id,
      body,
      bizOpaqueCallbackData: encodeCallbackData({ org: 'acme', service: 'desk', message }),
    });
  return { taro, send, graph };
}

describe('serveGraphApi', () => {
  it('answers sends with real shapes and tells onAccepted the OneNumber callback data', async () => {
    const { taro, send, graph } = await world(20);
    const seen: unknown[] = [];
    graph.onAccepted(({ callbackData }) => void seen.push(callbackData));
    const sent = await send('hello', 'msg_7');
    expect(sent.id).toMatch(/^wamid\./);
    expect(taro.inbox().map((m) => m.text)).toEqual(['hello']);
    expect(seen).toEqual([{ org: 'acme', service: 'desk', message: 'msg_7' }]);
    expect(graph.calls).toBe(1);
  });

  it("dropNext('before-send'): the request never reaches WhatsApp, the caller hears nothing, once", async () => {
    const { taro, send, graph } = await world();
    let ran = 0;
    graph.dropNext('before-send', () => ran++);
    await expect(send('lost')).rejects.toBeDefined();
    expect(taro.inbox()).toEqual([]);
    await send('next one goes');
    expect(taro.inbox().map((m) => m.text)).toEqual(['next one goes']);
    expect({ ran, calls: graph.calls }).toEqual({ ran: 1, calls: 2 });
  });

  it("dropNext('after-send'): WhatsApp has the message, the caller never hears so", async () => {
    const { taro, send, graph } = await world();
    graph.dropNext('after-send');
    await expect(send('sent, unheard')).rejects.toBeDefined();
    expect(taro.inbox().map((m) => m.text)).toEqual(['sent, unheard']);
  });
});
