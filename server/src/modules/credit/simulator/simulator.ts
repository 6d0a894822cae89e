// Simulators of the two national publicity systems — 国家企业信用信息公示系统 (GSXT) and 信用中国 —
// as real HTTP servers, each with its own format and acknowledgement (domain/wire.ts). Each verifies
// the signature, applies a message once (by its serial number), keeps the state of every record it
// was told about (GET /records?creditCode=…), can be told to fail (POST /control {fail}), and
// 信用中国 can send a signed mutual-recognition notice back to the platform (sendNotice).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, noticeSigningString, signBody, verifyBody } from '../domain/wire.js';

export const SIM_CREDIT_PORT = 4801;
export const DEMO_SECRETS = { gsxt: 'demo-gsxt-secret-0123456789abcdef', ccn: 'demo-ccn-secret-0123456789abcdef0' } as const;

export interface SimRecord {
  creditCode: string;
  documentNo: string | null;
  kind: string;
  state: 'repaired' | 'expired';
  on: string;
  reference: string;
}

export interface SimSystem {
  code: 'gsxt' | 'ccn';
  url: string;
  port: number;
  fail: boolean;
  records: Map<string, SimRecord>;
  received: number;
  duplicates: number;
}

export interface CreditSimulator {
  gsxt: SimSystem;
  ccn: SimSystem;
  /** 信用中国 tells the platform of a repair decided there (mutual recognition). */
  sendNotice(platformBaseUrl: string, notice: { noticeId: string; creditCode: string; documentNo: string; repairedOn: string }): Promise<number>;
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

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function decode(code: 'gsxt' | 'ccn', raw: string): { id: string; creditCode: string; documentNo: string | null; kind: string; action: 'repair' | 'expire'; on: string } {
  const j = JSON.parse(raw);
  if (code === 'gsxt') return { id: String(j.lsh), creditCode: String(j.uniscid), documentNo: j.xzcfjdsh ?? null, kind: String(j.xxlx), action: j.czlx === 'XF' ? 'repair' : 'expire', on: String(j.czrq) };
  return { id: String(j.head.msgId), creditCode: String(j.body.tyshxydm), documentNo: j.body.wsh ?? null, kind: String(j.body.lb), action: j.head.msgType === 'CREDIT_REPAIR' ? 'repair' : 'expire', on: String(j.body.rq) };
}

export async function startCreditSimulator(options: { basePort?: number; host?: string; log?: (l: string) => void } = {}): Promise<CreditSimulator> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const servers: http.Server[] = [];
  const systems = {} as { gsxt: SimSystem; ccn: SimSystem };
  let i = 0;
  for (const code of ['gsxt', 'ccn'] as const) {
    const sys: SimSystem = { code, url: '', port: 0, fail: false, records: new Map(), received: 0, duplicates: 0 };
    const seen = new Map<string, string>();
    let seq = 0;
    const server = http.createServer(async (req, res) => {
      try {
        const url = new URL(req.url ?? '/', 'http://x');
        if (req.method === 'GET' && url.pathname === '/records') {
          const cc = url.searchParams.get('creditCode');
          return send(res, 200, { system: code, records: [...sys.records.values()].filter((r) => !cc || r.creditCode === cc) });
        }
        if (req.method === 'POST' && url.pathname === '/control') {
          const b = JSON.parse((await readBody(req)) || '{}') as { fail?: boolean };
          if (typeof b.fail === 'boolean') sys.fail = b.fail;
          return send(res, 200, { fail: sys.fail });
        }
        if (req.method !== 'POST' || url.pathname !== '/credit') return send(res, 404, { error: 'not found' });
        const raw = await readBody(req);
        const ts = String(req.headers[TIMESTAMP_HEADER] ?? '');
        if (!verifyBody(DEMO_SECRETS[code], ts, raw, String(req.headers[SIGNATURE_HEADER] ?? ''))) return send(res, 401, { error: 'bad signature' });
        if (sys.fail) return send(res, 503, { error: 'unavailable' });
        const m = decode(code, raw);
        sys.received++;
        const prior = seen.get(m.id);
        let reference = prior;
        if (prior) sys.duplicates++;
        else {
          reference = `${code.toUpperCase()}-${++seq}`;
          seen.set(m.id, reference);
          sys.records.set(`${m.creditCode}|${m.documentNo ?? m.kind}`, { creditCode: m.creditCode, documentNo: m.documentNo, kind: m.kind, state: m.action === 'repair' ? 'repaired' : 'expired', on: m.on, reference });
          log(`[${code}] ${m.action} ${m.creditCode} ${m.documentNo ?? ''} → ${reference}`);
        }
        return code === 'gsxt' ? send(res, 200, { code: '00', msg: '成功', ackNo: reference }) : send(res, 200, { result: 'SUCCESS', receipt: reference });
      } catch (err) {
        return send(res, 400, { error: (err as Error).message });
      }
    });
    const port = options.basePort ? options.basePort + i : 0;
    i++;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    sys.port = (server.address() as AddressInfo).port;
    sys.url = `http://${host}:${sys.port}/credit`;
    systems[code] = sys;
    servers.push(server);
  }
  return {
    ...systems,
    async sendNotice(platformBaseUrl, notice) {
      const body = JSON.stringify(notice);
      const ts = String(Date.now());
      const res = await fetch(`${platformBaseUrl}/api/credit/inbound/ccn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: signBody(DEMO_SECRETS.ccn, ts, noticeSigningString(notice)) },
        body,
      });
      return res.status;
    },
    async close() {
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
