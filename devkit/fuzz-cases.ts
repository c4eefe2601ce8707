/**
 * The hostile requests of the HTTP-edge fuzz, seeded so a failure can be replayed: malformed
 * encodings, gzip bombs, forms and multipart, deep nesting, long punctuation runs, bad ids,
 * wrong types, stray card submits, bare JSON, and valid activities mixed in. Shared by
 * test/hardening/fuzz.test.ts (3,000 requests, asserted) and `npm run bench -- --fuzz`
 * (10,000 against a started server, figures printed), so both send the same sequence for a seed.
 */
import { gzipSync } from 'node:zlib';

export interface FuzzRequest {
  /** The category, for per-category counts. */
  kind: string;
  body: Uint8Array | string;
  headers: Record<string, string>;
}

/** The seed the test and the bench use. */
export const FUZZ_SEED = 13;

/** A linear congruential generator: the same seed gives the same requests on any machine. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let seq = 0;

/** A personal-chat message as Teams sends it, replies going to `serviceUrl`. */
export function teamsMessage(
  serviceUrl: string,
  text: string,
  user = { id: '29:practitioner', name: 'Sam Practitioner', aadObjectId: 'aad-practitioner' },
): Record<string, unknown> {
  const tenantId = '00000000-0000-4000-8000-000000000001';
  return {
    id: `incoming-${++seq}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: user,
    recipient: { id: '28:bot-id', name: 'Safeguarding bot' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    type: 'message',
    text,
    textFormat: 'plain',
  };
}

/** The next hostile request, each call; valid activities point their replies at `serviceUrl`. */
export function createFuzzer(seed: number, serviceUrl: string): () => FuzzRequest {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const bombMember = gzipSync(Buffer.alloc(1024 * 1024));
  const bomb = Buffer.concat(Array.from({ length: 50 }, () => bombMember));
  const json = { 'content-type': 'application/json' };
  const valid = () => teamsMessage(serviceUrl, pick(['help', 'who chairs the executive?', 'what does MASH stand for?', 'checklist lado']));
  const cases: Array<[string, () => Omit<FuzzRequest, 'kind'>]> = [
    [
      'bad encoding',
      () => ({
        body: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))),
        headers: { ...json, 'content-encoding': pick(['gzip', 'deflate', 'br']) },
      }),
    ],
    ['gzip bomb', () => ({ body: bomb, headers: { ...json, 'content-encoding': 'gzip' } })],
    [
      'multipart',
      () => ({
        body: `--x\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n${'a'.repeat(1000)}\r\n--x--`,
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      }),
    ],
    ['form', () => ({ body: 'type=message&text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
    ['deep nesting', () => ({ body: `{"value":${'['.repeat(5000)}${']'.repeat(5000)}}`, headers: json })],
    [
      'long punctuation',
      () => ({ body: JSON.stringify({ ...valid(), text: pick(['.', '?', '!', ' ', '<at>']).repeat(20_000 + Math.floor(random() * 100_000)) }), headers: json }),
    ],
    [
      'bad conversation id',
      () => ({ body: JSON.stringify({ ...valid(), conversation: { id: pick(['..', '.', 'a/b', 'a\\b', 'x'.repeat(5000)]) } }), headers: json }),
    ],
    [
      'wrong type',
      () => ({ body: JSON.stringify({ ...valid(), [pick(['channelId', 'serviceUrl', 'type'])]: pick([null, 42, [], {}, 'x'.repeat(3000)]) }), headers: json }),
    ],
    [
      'stray card submit',
      () => ({
        body: JSON.stringify({
          ...valid(),
          value: { verb: pick(['ask', 'feedback', 'checklist.next', 'reminder.create', 'x']), question: 'q', run: random(), step: null },
          text: undefined,
        }),
        headers: json,
      }),
    ],
    ['bare JSON', () => ({ body: pick(['', '{', 'null', '[]', '"x"', '{"type":"message"}']), headers: json })],
    ['valid activity', () => ({ body: JSON.stringify(valid()), headers: json })],
  ];
  return () => {
    const [kind, make] = pick(cases);
    return { kind, ...make() };
  };
}

/** Posts one request to a bot's /api/messages and reads the whole answer; resolves to the status. */
export async function postFuzz(botUrl: string, r: Pick<FuzzRequest, 'body' | 'headers'>, timeoutMs = 10_000): Promise<number> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: r.headers,
    body: typeof r.body === 'string' ? r.body : new Uint8Array(r.body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer();
  return res.status;
}
