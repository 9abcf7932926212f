// Load (issue 8): signed inbound at a fixed offered rate for a while, spread over several numbers,
// into `onenumber serve` on SQLite, with crm, desk and salesiq viewing, assigning and replying all
// along; then a burst of replies on one number past its send budget. Must hold: no error (every
// answer a 200), nothing lost (every wamid answered 200 is stored; one that got no answer is
// delivered again with the same wamid, as WhatsApp does, and counted), every accepted reply sent
// (the burst queued in the outbox, then paced), the server's heap after a full GC at the end within
// bounds of the start. The achieved rate is measured, not assumed: on a shared CPU it may stay
// under the offered rate.
import { OneNumberError } from '@onenumber/core';
import Database from 'better-sqlite3';
import type { CheckResult, Progress } from '../report';
import { numberAt } from '../world';
import { inboundDeliveries } from './inboundDeliveries';
import { startProcessWorld, waServices } from './processWorld';
import { sendsById } from './replySends';
import { seeded } from './seeded';
import { kill } from './serverProcess';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export async function load(
  options: { rate: number; seconds: number; numbers: number; burst: number; seed?: number },
  progress: Progress,
): Promise<CheckResult> {
  const seed = options.seed ?? 5;
  const random = seeded(seed);
  const numbers = Array.from({ length: options.numbers }, (_, i) => numberAt(100 + i));
  const ids = Object.fromEntries(numbers.map((n, i) => [n, String(200000000000000 + i)]));
  const lines = numbers.map((n) => ({
    account: '102290129340398',
    phoneNumberId: ids[n]!,
    displayPhoneNumber: n.slice(1),
  }));
  const world = await startProcessWorld({ name: 'load', numbers: ids, heap: true });
  const failures: string[] = [];
  const note = (what: string) => void (failures.length < 20 && failures.push(what));
  const customers = Array.from({ length: options.numbers * 10 }, (_, i) => `+8190${String(50000000 + i)}`);
  const inbound = inboundDeliveries(world, `load${seed}`);
  const replies = new Set<string>();
  const refused: Record<string, number> = {};
  let errors = 0;
  try {
    const heapStart = await world.server.heap();
    // Each customer writes to its number once first (the simulator then opens its 24-hour window).
    const talked = customers.map((customer, c) => ({ number: numbers[c % numbers.length]!, customer }));
    for (const { number, customer } of talked) {
      const r = await world.simulator.customer(customer).send(`hello from ${customer}`, { to: number });
      if (r.status === 200) inbound.acked.add(r.id);
      else {
        errors++;
        note(`the first message of ${customer} was answered ${r.status}`);
      }
    }
    let stop = false;
    // Three services viewing, assigning and replying while the inbound flows.
    const agents = waServices.map(async (service) => {
      while (!stop) {
        await sleep(100);
        const target = talked[Math.floor(random() * talked.length)]!;
        const on = { org: 'acme', service, agent: `agent-${service}`, ...target };
        try {
          await world.sdks[service].view(on);
          await world.sdks[service].assign({ ...on, confirm: true });
          replies.add((await world.sdks[service].reply({ ...on, text: `reply from ${service}` })).message);
        } catch (error) {
          if (!OneNumberError.isInstance(error)) {
            errors++;
            note(`${service}: ${(error as Error).message}`);
            continue;
          }
          refused[error.code] = (refused[error.code] ?? 0) + 1; // the rules may say no (another service holds it)
        }
      }
    });
    const total = options.rate * options.seconds;
    const started = Date.now();
    const inflight = new Set<Promise<void>>();
    let lastAck = started;
    let ackedInTime = 0;
    for (let i = 0; i < total; i++) {
      const wait = started + (i * 1000) / options.rate - Date.now();
      if (wait > 1) await sleep(wait);
      // At most 512 deliveries open at once: past that the generator falls behind, as it reports.
      while (inflight.size >= 512) await Promise.race(inflight);
      const c = i % customers.length;
      const sending: Promise<void> = inbound
        .send(i, lines[c % numbers.length]!, customers[c]!, `load ${i}`)
        .then((ok) => {
          if (ok) {
            ackedInTime++;
            lastAck = Date.now();
          }
        })
        .finally(() => inflight.delete(sending));
      inflight.add(sending);
      if (i > 0 && i % (options.rate * 10) === 0) progress(`load: ${i}/${total} offered, ${ackedInTime} acknowledged`);
    }
    const offeredFor = (Date.now() - started) / 1000;
    await Promise.all(inflight);
    const achieved = ackedInTime / Math.max(0.001, (lastAck - started) / 1000);
    // What got no 200 is delivered again with the same wamid, as WhatsApp does.
    for (let round = 0; inbound.pending.size && round < 20; round++) await inbound.redeliver();
    if (inbound.pending.size) note(`${inbound.pending.size} messages never got a 200, even delivered again`);
    if (inbound.counts.notOk) {
      errors += inbound.counts.notOk;
      note(`inbound answered other than 200: ${JSON.stringify(inbound.statuses)}`);
    }
    stop = true;
    await Promise.all(agents);
    const agentReplies = replies.size;
    // A burst on one number past its send budget: every reply accepted, queued in the outbox, then
    // sent at the budget's pace. Replies to one conversation go one after another (concurrent ones
    // would race for its version), the conversations of that number all at once.
    const budget = (await world.admin<{ sender: { rate: number } }>('GET', '/v1/admin/whatsapp')).sender.rate;
    const burstNumber = numbers[0]!;
    const burstTo = customers.filter((_, c) => c % numbers.length === 0);
    const outbox = new Database(world.file, { readonly: true }); // WAL: reads while the server writes
    const pending = outbox.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'");
    let queuedPeak = 0;
    await Promise.all(
      burstTo.map(async (customer, c) => {
        const on = { org: 'acme', service: 'crm', agent: 'agent-crm', number: burstNumber, customer };
        await world.sdks.crm.assign({ ...on, confirm: true });
        for (let i = c; i < options.burst; i += burstTo.length) {
          try {
            replies.add((await world.sdks.crm.reply({ ...on, text: `burst ${i}` })).message);
          } catch (error) {
            errors++;
            note(
              `burst reply ${i} refused: ${OneNumberError.isInstance(error) ? error.code : (error as Error).message}`,
            );
          }
          queuedPeak = Math.max(queuedPeak, (pending.get() as { n: number }).n);
        }
      }),
    );
    const deadline = Date.now() + 180_000;
    const unsent = () => {
      const sent = sendsById(world.simulator, customers);
      return [...replies].filter((id) => !sent.has(id));
    };
    while (unsent().length && Date.now() < deadline) {
      queuedPeak = Math.max(queuedPeak, (pending.get() as { n: number }).n);
      await sleep(200);
    }
    outbox.close();
    const missing = unsent();
    if (missing.length) note(`${missing.length} of ${replies.size} accepted replies were not sent`);
    // The most sends from the burst's number in any one second, by WhatsApp's acceptance times.
    const times = burstTo
      .flatMap((c) => world.simulator.inbox(c))
      .filter((m) => m.from === burstNumber)
      .map((m) => Date.parse(m.at))
      .sort((a, b) => a - b);
    let peak = 0;
    for (let a = 0, b = 0; b < times.length; b++) {
      while (times[b]! - times[a]! >= 1000) a++;
      peak = Math.max(peak, b - a + 1);
    }
    // The bucket allows `budget` per second; a quarter more covers the jitter between the server
    // starting a send and the simulator accepting it on a shared CPU.
    if (peak > budget * 1.25) note(`${peak} sends in one second on one number: over its ${budget}/s budget`);
    const heapEnd = await world.server.heap();
    await world.simulator.settle(); // the statuses of the sends are webhook requests too
    const logged = world.server.webhookRequests;
    const made = inbound.counts.posts + world.simulator.deliveries().length; // ours, and the simulator's (first messages, statuses)
    if (heapEnd.heapUsed > heapStart.heapUsed * 2 + 64 * 1048576)
      note(`the heap grew from ${mib(heapStart.heapUsed)} MiB to ${mib(heapEnd.heapUsed)} MiB`);
    await kill(world.server);
    const db = new Database(world.file);
    const stored = new Set(
      (db.prepare("SELECT provider_id AS id FROM messages WHERE direction = 'in'").all() as { id: string }[]).map(
        (r) => r.id,
      ),
    );
    db.close();
    const lost = [...inbound.acked].filter((id) => !stored.has(id)).length;
    if (lost) note(`${lost} of ${inbound.acked.size} acknowledged messages are not stored`);
    if (errors) note(`${errors} errors in all`);
    return {
      name: 'load',
      figures: {
        'offered msgs/s': options.rate,
        'offered for s': Math.round(offeredFor * 10) / 10,
        'messages offered': total,
        numbers: numbers.length,
        'acknowledged in the timed phase': ackedInTime,
        'achieved msgs/s': Math.round(achieved),
        'deliveries with no answer (connection closed before any answer), delivered again': inbound.counts.noAnswer,
        'acknowledged in all (with first messages and deliveries again)': inbound.acked.size,
        errors,
        lost,
        'webhook requests (messages and statuses) the server logged / made': `${logged} / ${made}`,
        'replies by the 3 services while loaded': agentReplies,
        'rule refusals (expected)':
          Object.entries(refused)
            .map(([c, n]) => `${c} ${n}`)
            .join(', ') || 0,
        'burst on one number': options.burst,
        'send budget /s per number': budget,
        'most replies queued in the outbox at once': queuedPeak,
        'replies sent / accepted': `${replies.size - missing.length} / ${replies.size}`,
        'most sends to one number in 1 s': peak,
        'heap start MiB': mib(heapStart.heapUsed),
        'heap end MiB': mib(heapEnd.heapUsed),
        'RSS start MiB': mib(heapStart.rss),
        'RSS end MiB': mib(heapEnd.rss),
        seed,
      },
      failures,
    };
  } finally {
    await world.close();
  }
}
