// A department simulator: one real HTTP server per department. Each verifies the platform's
// signature, applies each event once (by event id), keeps its own copy of the enterprise data,
// exposes it at GET /copy for reconciliation, and can be told to fail, be slow, answer garbage or
// acknowledge late (202 now, a signed callback later).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign, verifySignature, callbackSigningString, SIGNATURE_HEADER, KEY_ID_HEADER, EVENT_ID_HEADER, TIMESTAMP_HEADER } from '../domain/signing.js';
import { fromXml } from '../domain/xml.js';
import { demoSecret, simulatedDepartments } from './departments.js';

export interface Behaviour {
  /** Answer 503 to every delivery. */
  fail: boolean;
  /** Wait this long before answering. */
  slowMs: number;
  /** Answer 202 and acknowledge later with a signed callback. */
  ackLate: boolean;
  /** Answer 200 with a body that is not an acknowledgement. */
  garbage: boolean;
}

export interface ReceivedEvent {
  eventId: string;
  creditCode: string;
  cursor: number;
  /** False when the copy already held a newer state (a stale event, acknowledged but not applied). */
  applied: boolean;
}

export interface PendingCallback {
  deliveryId: string;
  callbackUrl: string | null;
  reference: string;
}

export interface SimDepartment {
  code: string;
  name: string;
  format: 'json' | 'xml';
  port: number;
  /** The delivery endpoint to register for this department. */
  url: string;
  secrets: Record<string, string>;
  behaviour: Behaviour;
  copy: Map<string, { cursor: number; data: Record<string, unknown> }>;
  /** Every first receipt of an event, in arrival order. */
  received: ReceivedEvent[];
  /** Deliveries of an event already received (answered from memory, not applied again). */
  duplicates: number;
  rejectedSignatures: number;
  pendingCallbacks: PendingCallback[];
  control(b: Partial<Behaviour>): void;
  /** A signed callback for a delivery answered with 202 (headers and body to POST to the platform). */
  signedCallback(deliveryId: string, reference: string): { headers: Record<string, string>; body: { reference: string; status: 'accepted' } };
}

export interface SimulatorOptions {
  /** 0 = ephemeral ports (tests); otherwise the first of consecutive fixed ports. */
  basePort?: number;
  host?: string;
  /** Which departments (default: every simulated demo department). */
  departments?: { code: string; name: string; format: 'json' | 'xml'; port?: number; secrets?: Record<string, string> }[];
  /** Send late acknowledgements by themselves after this delay (the CLI); tests flush them by hand. */
  autoCallbackMs?: number | null;
  log?: (line: string) => void;
  /** The departments' clock in milliseconds (tests pass the platform's fixed clock). */
  now?: () => number;
}

export interface Simulator {
  departments: Map<string, SimDepartment>;
  get(code: string): SimDepartment;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const defs: NonNullable<SimulatorOptions['departments']> = options.departments ?? simulatedDepartments(options.basePort ?? 0);
  const departments = new Map<string, SimDepartment>();
  const servers: http.Server[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const log = options.log ?? (() => undefined);

  for (const def of defs) {
    let seq = 0;
    const seen = new Map<string, { status: number; reference: string }>();
    const dep: SimDepartment = {
      code: def.code,
      name: def.name,
      format: def.format,
      port: 0,
      url: '',
      secrets: def.secrets ?? { [`${def.code}-1`]: demoSecret(def.code) },
      behaviour: { fail: false, slowMs: 0, ackLate: false, garbage: false },
      copy: new Map(),
      received: [],
      duplicates: 0,
      rejectedSignatures: 0,
      pendingCallbacks: [],
      control(b) {
        Object.assign(dep.behaviour, b);
      },
      signedCallback(deliveryId, reference) {
        const [keyId, secret] = Object.entries(dep.secrets)[Object.keys(dep.secrets).length - 1];
        const body = { reference, status: 'accepted' as const };
        const ts = String(options.now ? options.now() : Date.now());
        return { headers: { [KEY_ID_HEADER]: keyId, [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: sign(secret, ts, callbackSigningString(deliveryId, body)) }, body };
      },
    };

    async function sendCallback(cb: PendingCallback) {
      if (!cb.callbackUrl) return;
      const { headers, body } = dep.signedCallback(cb.deliveryId, cb.reference);
      try {
        const res = await fetch(cb.callbackUrl, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
        if (res.ok) dep.pendingCallbacks = dep.pendingCallbacks.filter((x) => x !== cb);
        log(`[${dep.code}] callback ${cb.deliveryId} → ${res.status}`);
      } catch (err) {
        log(`[${dep.code}] callback ${cb.deliveryId} failed: ${(err as Error).message}`);
      }
    }

    const server = http.createServer(async (req, res) => {
      try {
        const url = new URL(req.url ?? '/', 'http://x');
        if (req.method === 'GET' && url.pathname === '/copy') {
          return send(res, 200, { department: dep.code, enterprises: Object.fromEntries([...dep.copy].map(([k, v]) => [k, v.data])) });
        }
        if (req.method === 'GET' && url.pathname === '/log') {
          return send(res, 200, { received: dep.received, duplicates: dep.duplicates, rejectedSignatures: dep.rejectedSignatures, behaviour: dep.behaviour });
        }
        if (req.method === 'POST' && url.pathname === '/control') {
          const body = JSON.parse((await readBody(req)) || '{}') as Partial<Behaviour> & { secrets?: Record<string, string> };
          const { secrets, ...b } = body;
          if (secrets) dep.secrets = secrets;
          dep.control(b);
          return send(res, 200, { behaviour: dep.behaviour });
        }
        if (req.method !== 'POST') return send(res, 404, { error: 'not found' });
        const raw = await readBody(req);
        const ts = String(req.headers[TIMESTAMP_HEADER] ?? '');
        const keyId = String(req.headers[KEY_ID_HEADER] ?? '');
        const eventId = String(req.headers[EVENT_ID_HEADER] ?? '');
        if (!verifySignature([dep.secrets[keyId]], ts, raw, String(req.headers[SIGNATURE_HEADER] ?? ''))) {
          dep.rejectedSignatures++;
          return send(res, 401, { error: 'bad signature' });
        }
        if (dep.behaviour.slowMs) await new Promise((r) => setTimeout(r, dep.behaviour.slowMs));
        if (dep.behaviour.fail) return send(res, 503, { error: 'unavailable' });
        if (dep.behaviour.garbage) return send(res, 200, '<<<not an acknowledgement', 'text/plain');
        const prior = seen.get(eventId);
        if (prior) {
          dep.duplicates++;
          return send(res, prior.status, { reference: prior.reference, duplicate: true });
        }
        const event = (dep.format === 'xml' ? fromXml(raw) : JSON.parse(raw)) as { creditCode: string; cursor: number | string; data: Record<string, unknown>; callbackUrl?: string };
        const cursor = Number(event.cursor);
        const current = dep.copy.get(event.creditCode);
        const applied = !current || current.cursor < cursor;
        if (applied) dep.copy.set(event.creditCode, { cursor, data: event.data ?? {} });
        dep.received.push({ eventId, creditCode: event.creditCode, cursor, applied });
        const reference = `${dep.code.toUpperCase()}-${++seq}`;
        if (dep.behaviour.ackLate) {
          seen.set(eventId, { status: 202, reference });
          const cb = { deliveryId: eventId, callbackUrl: event.callbackUrl ?? null, reference };
          dep.pendingCallbacks.push(cb);
          if (options.autoCallbackMs != null) {
            const t = setTimeout(() => {
              timers.delete(t);
              void sendCallback(cb);
            }, options.autoCallbackMs);
            timers.add(t);
          }
          return send(res, 202, { accepted: true });
        }
        seen.set(eventId, { status: 200, reference });
        log(`[${dep.code}] ${event.creditCode} cursor ${cursor} → ${reference}`);
        return send(res, 200, { reference });
      } catch (err) {
        return send(res, 400, { error: (err as Error).message });
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(def.port ?? 0, host, () => resolve());
    });
    dep.port = (server.address() as AddressInfo).port;
    dep.url = `http://${host}:${dep.port}/events`;
    departments.set(dep.code, dep);
    servers.push(server);
  }

  return {
    departments,
    get(code) {
      const d = departments.get(code);
      if (!d) throw new Error(`no simulated department ${code}`);
      return d;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections?.();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
