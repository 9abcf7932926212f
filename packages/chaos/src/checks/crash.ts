// Crashes (issue 8, R15, R16): signed inbound messages and replies while `onenumber serve` is
// SIGKILLed at random moments and restarted on the same SQLite file. A kill lands, at random,
// during the inbound flow, just before a reply reaches the Graph API, or just after WhatsApp
// accepted it and before the server heard so. Must hold: every message that got a 200 is stored
// exactly once (what got none is delivered again with the same wamid, as WhatsApp does); every
// reply accepted before a kill is sent after restart; a reply is sent twice only when a kill fell
// between its send and the next one, and every such repeat is counted with its kill's moment.
import { OneNumberError } from '@onenumber/core';
import Database from 'better-sqlite3';
import type { CheckResult, Progress } from '../report';
import { inboundDeliveries } from './inboundDeliveries';
import type { SendMoment } from '@onenumber/whatsapp';
import { startProcessWorld, waServices } from './processWorld';
import { explainRepeats, sendsById, type Kill } from './replySends';
import { seeded } from './seeded';
import { kill } from './serverProcess';

const number = '+81312345678';
const phoneNumberId = '106540352242922';
const line = { account: '102290129340398', phoneNumberId, displayPhoneNumber: number.slice(1) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Moment = 'inbound' | SendMoment;

export async function crash(
  options: { messages: number; kills: number; seed?: number; customers?: number },
  progress: Progress,
): Promise<CheckResult> {
  const seed = options.seed ?? 11;
  const random = seeded(seed);
  const world = await startProcessWorld({ name: 'crash', numbers: { [number]: phoneNumberId } });
  const failures: string[] = [];
  const inbound = inboundDeliveries(world, `crash${seed}`);
  const customers = Array.from({ length: options.customers ?? 50 }, (_, i) => `+8190${String(40000000 + i)}`);
  const kills: (Kill & { unsent: string[] })[] = [];
  const accepted = new Map<string, string>(); // reply id -> customer
  const replyCalls: Promise<void>[] = [];
  const cut: Record<string, number> = {};
  const unsentNow = () => {
    const sent = sendsById(world.simulator, customers);
    return [...accepted.keys()].filter((id) => !sent.has(id));
  };
  const killed = (moment: Moment) => kills.push({ at: Date.now(), moment, unsent: unsentNow() });
  const reply = (i: number) => {
    const service = waServices[i % waServices.length]!;
    const customer = customers[i % customers.length]!;
    const on = { org: 'acme', service, agent: `agent-${service}`, number, customer };
    replyCalls.push(
      world.sdks[service]
        .assign({ ...on, confirm: true })
        .then(() => world.sdks[service].reply({ ...on, text: `reply ${i} from ${service}` }))
        .then(
          (r) => void accepted.set(r.message, customer),
          (error: unknown) => {
            // Not accepted: the kill cut the call (or the server was down). Nothing is promised for it.
            const code = OneNumberError.isInstance(error) ? error.code : ((error as Error)?.name ?? 'unknown');
            cut[code] = (cut[code] ?? 0) + 1;
          },
        ),
    );
  };
  try {
    // Everyone writes first, so that replies have conversations and open 24-hour windows.
    for (const customer of customers) {
      const { status } = await world.simulator.customer(customer).send(`hello from ${customer}`, { to: number });
      if (status !== 200) throw new Error(`the first message of ${customer} was answered ${status}`);
    }
    const killAt = new Set<number>();
    while (killAt.size < options.kills) killAt.add(1 + Math.floor(random() * (options.messages - 1)));
    let armed = false;
    const recover = async () => {
      await world.restart();
      armed = false;
      await inbound.redeliver();
      await world.simulator.redeliver(); // statuses the dead server did not acknowledge
      if (kills.length % 5 === 0)
        progress(`crash: ${kills.length}/${options.kills} kills, ${inbound.acked.size} acknowledged`);
    };
    const window: Promise<void>[] = [];
    for (let i = 0; i < options.messages; i++) {
      if (world.server.dead) await recover();
      window.push(inbound.send(i, line, customers[i % customers.length]!, `message ${i}`).then(() => undefined));
      if (window.length >= 4) await window.shift();
      if (i % 20 === 0) reply(i);
      if (!killAt.has(i)) continue;
      const draw = random();
      const moment: Moment = armed || draw < 0.5 ? 'inbound' : draw < 0.75 ? 'before-send' : 'after-send';
      if (moment === 'inbound') {
        await sleep(random() * 20);
        await Promise.all(window.splice(0));
        killed(moment);
        await recover();
      } else {
        armed = true;
        world.graph.dropNext(moment, () => {
          killed(moment);
          world.server.child.kill('SIGKILL');
        });
        reply(i + 1); // a send for the kill to land on
      }
    }
    await Promise.all(window.splice(0));
    // A kill still waiting for a send: give it sends until it lands.
    for (let k = options.messages; armed && !world.server.dead && k < options.messages + 200; k++) {
      reply(k);
      await Promise.race([world.server.exited, sleep(500)]);
    }
    if (world.server.dead) await recover();
    for (let round = 0; inbound.pending.size && round < 50; round++) {
      await sleep(200);
      await inbound.redeliver();
    }
    await Promise.all(replyCalls);
    // Every accepted reply must reach its customer: the outbox survives kills.
    const waitFrom = Date.now();
    const deadline = waitFrom + 180_000; // a reply a killed worker had claimed waits for its lease (60 s) to lapse
    while (unsentNow().length && Date.now() < deadline) await sleep(250);
    const waited = Math.round((Date.now() - waitFrom) / 1000);
    const sends = sendsById(world.simulator, customers);
    const missing = unsentNow();
    if (missing.length) failures.push(`${missing.length} accepted replies were never sent (e.g. ${missing[0]})`);
    const owed = [...new Set(kills.flatMap((k) => k.unsent))];
    const owedSent = owed.filter((id) => sends.has(id)).length;
    await kill(world.server); // the file is read with nobody writing
    const db = new Database(world.file);
    const countOf = db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'in' AND provider_id = ?");
    let once = 0;
    let lost = 0;
    for (const id of inbound.acked) {
      const n = (countOf.get(id) as { n: number }).n;
      if (n === 1) once++;
      if (n === 0) lost++;
    }
    const duplicates = (
      db
        .prepare(
          "SELECT count(*) AS n FROM (SELECT provider_id FROM messages WHERE direction = 'in' GROUP BY provider_id HAVING count(*) > 1)",
        )
        .get() as { n: number }
    ).n;
    const recorded = new Map(
      (
        db
          .prepare('SELECT message, provider_message_id AS wamid FROM outbox WHERE provider_message_id IS NOT NULL')
          .all() as { message: string; wamid: string }[]
      ).map((r) => [r.message, r.wamid]),
    );
    db.close();
    const repeats = explainRepeats(sends, kills, recorded);
    const outside = repeats.filter((r) => r.kill === null || r.previousRecorded);
    if (outside.length)
      failures.push(
        `${outside.length} replies were sent again outside the window between WhatsApp's answer and the record (e.g. ${outside[0]!.id}: ${outside[0]!.kill === null ? 'no kill between the sends' : 'its earlier send was recorded'})`,
      );
    const byMoment = (m: Moment) =>
      repeats.filter((r) => r.kill !== null && !r.previousRecorded && kills[r.kill]!.moment === m).length;
    if (inbound.pending.size) failures.push(`${inbound.pending.size} messages never got a 200, even delivered again`);
    if (lost) failures.push(`${lost} acknowledged messages are not stored`);
    if (once !== inbound.acked.size)
      failures.push(`${inbound.acked.size - once} acknowledged messages are not stored exactly once`);
    if (duplicates) failures.push(`${duplicates} wamids are stored more than once`);
    const moments = (m: Moment) => kills.filter((k) => k.moment === m).length;
    return {
      name: 'crash',
      figures: {
        'messages sent': options.messages,
        'first messages (before any kill)': customers.length,
        acknowledged: inbound.acked.size,
        'acknowledged at first delivery': inbound.counts.firstTry,
        'deliveries again (no 200 before a kill)': inbound.counts.redeliveries,
        'stored exactly once': once,
        duplicates,
        lost,
        kills: kills.length,
        'kills during the inbound flow / before a Graph send / after the Graph answer': `${moments('inbound')} / ${moments('before-send')} / ${moments('after-send')}`,
        'replies accepted': accepted.size,
        'replies accepted before a kill, unsent at it': owed.length,
        'of those sent after restart': owedSent,
        "s waited at the end for the last replies (a killed worker's claims lapse after its lease)": waited,
        'replies sent': [...sends.keys()].filter((id) => accepted.has(id)).length,
        'reply calls not accepted (by cause)':
          Object.entries(cut)
            .map(([c, n]) => `${c} ${n}`)
            .join(', ') || 0,
        'repeated sends': repeats.length,
        'repeats in the window (kill after WhatsApp answered, before the record; earlier send unrecorded): at the Graph answer / at other kills': `${byMoment('after-send')} / ${byMoment('inbound') + byMoment('before-send')}`,
        'repeats outside that window': outside.length,
        seed,
      },
      failures,
    };
  } finally {
    await Promise.allSettled(replyCalls);
    await world.close();
  }
}
