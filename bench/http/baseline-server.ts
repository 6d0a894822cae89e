// The baseline the product is measured against, in its own process like the product: a minimal
// Fastify server that validates the same request bodies with the same zod schemas and runs one bare
// statement on the same database engine, with no sessions, audit, outbox or presenters.
//   ENGINE=pglite PGLITE_DIR=<copy of the product's folder> | ENGINE=postgres DATABASE_URL=…
// Prints `BASELINE_PORT=<port>` when listening.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { IntakeSchema } from '../../contracts/complaints.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { grams } from '../../server/src/modules/registry/domain/enterprise.js';
import { searchKey } from '../../server/src/modules/registry/domain/chinese-text.js';

const engine = process.env.ENGINE === 'postgres' ? 'postgres' : 'pglite';
const database = await openDatabase(engine === 'postgres' ? { url: process.env.DATABASE_URL! } : { dataDir: process.env.PGLITE_DIR! });
const db = database.db;
await sql`create schema if not exists bench_baseline`.execute(db);
await sql`create table if not exists bench_baseline.intake (id uuid primary key default gen_random_uuid(), body jsonb not null, created_at timestamptz not null default now())`.execute(db);

const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);

app.get('/health', async () => ({ status: 'ok' }));

// Intake: the same body schema as POST /api/public/complaints, one INSERT.
app.post('/intake', { schema: { body: IntakeSchema } }, async (req, reply) => {
  const row = await sql<{ id: string }>`insert into bench_baseline.intake (body) values (${JSON.stringify(req.body)}::jsonb) returning id`.execute(db);
  return reply.status(201).send({ id: row.rows[0].id });
});

// Look-up by code: the bare statement.
app.get('/by-code/:code', { schema: { params: z.object({ code: z.string().length(18) }) } }, async (req, reply) => {
  const r = await sql`select * from registry.enterprise where credit_code = ${req.params.code}`.execute(db);
  if (!r.rows.length) return reply.status(404).send({ error: 'not found' });
  return r.rows[0];
});

// Name search: the bigram-index statement the register uses, bare.
app.get('/search', { schema: { querystring: z.object({ q: z.string().min(1).max(100) }) } }, async (req) => {
  const key = searchKey(req.query.q);
  const r = await sql`select * from registry.enterprise where name_grams @> ${grams(key)}::text[] and name_key like ${'%' + key + '%'} order by credit_code limit 21`.execute(db);
  return { items: r.rows };
});

// Staff queue: the newest complaints of a region, one page, bare.
app.get('/queue', { schema: { querystring: z.object({ region: z.string().default('3301') }) } }, async (req) => {
  const r = await sql`select * from complaints.complaint where region_code like ${req.query.region + '%'} order by received_on desc, id desc limit 21`.execute(db);
  return { items: r.rows };
});

const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`BASELINE_PORT=${new URL(address).port}`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
