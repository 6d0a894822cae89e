import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { SignedHead } from '../platform/audit/audit.js';
import { assertProductionReady, loadConfig } from '../config/config.js';
import { sql } from 'kysely';
import { build } from '../app/build.js';
import { assertPasswordAccepted } from '../platform/auth/auth.service.js';
import { AppError } from '../platform/errors/app-error.js';

const USAGE = `Usage: npm run cli -- <command>
  audit:verify [--heads FILE]       seal pending entries, check the chain and every signed checkpoint
                                    (and the heads exported earlier into FILE); exits 1 when broken
  audit:export-heads [FILE]         write the signed heads (and the public key) as JSON, to FILE or stdout
  outbox:drain                      handle every due outbox row once
  admin:create <username> [name]    first run: create the first administrator. The password is read
                                    from ADMIN_PASSWORD, or a random one is printed once; it must be
                                    changed at the first log-in. Refused when an administrator exists.

On the embedded database a command refuses to run while the API process holds the data folder.`;

/** Operator commands. Each opens the database (the embedded folder's lock keeps it exclusive). */
async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command || !['audit:verify', 'audit:export-heads', 'outbox:drain', 'admin:create'].includes(command)) {
    console.log(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  assertProductionReady(config);
  const built = await build(config, { http: false });
  try {
    switch (command) {
      case 'audit:verify': {
        const i = args.indexOf('--heads');
        const against = i >= 0 && args[i + 1] ? (JSON.parse(fs.readFileSync(args[i + 1], 'utf8')) as { items: SignedHead[] }).items : undefined;
        const result = await built.platform.audit.verify({ against });
        console.log(JSON.stringify(result, null, 2));
        console.log(result.ok ? `Audit chain intact: ${result.entries} entries.` : `Audit chain BROKEN: ${result.problems.length} problem(s).`);
        process.exitCode = result.ok ? 0 : 1;
        break;
      }
      case 'audit:export-heads': {
        const audit = built.platform.audit;
        await audit.seal();
        const doc = { keyId: audit.signer.keyId, publicKeyPem: audit.signer.publicKeyPem, items: await audit.checkpoints({ limit: 10_000_000 }) };
        const text = JSON.stringify(doc, null, 2) + '\n';
        if (args[0]) {
          fs.writeFileSync(args[0], text);
          console.log(`Wrote ${doc.items.length} signed heads to ${args[0]}.`);
        } else process.stdout.write(text);
        break;
      }
      case 'outbox:drain': {
        console.log(`Handled ${await built.worker.drain()} outbox rows.`);
        break;
      }
      case 'admin:create': {
        const [username, displayName] = args;
        if (!username || !/^[\w.@-]{3,64}$/.test(username)) {
          console.error('Give a user name of 3–64 letters, digits, ".", "@", "_" or "-".');
          process.exitCode = 2;
          break;
        }
        const db = built.platform.db;
        const admin = await db.selectFrom('platform.account').select('username').where(sql<boolean>`'admin' = any(roles)`).where('disabled', '=', false).executeTakeFirst();
        if (admin) {
          console.error(`An administrator already exists (${admin.username}); create further accounts in the web app.`);
          process.exitCode = 1;
          break;
        }
        if (await built.platform.auth.findAccountId(username)) {
          console.error(`The user name ${username} is taken.`);
          process.exitCode = 1;
          break;
        }
        const given = process.env.ADMIN_PASSWORD;
        const password = given || randomBytes(12).toString('base64url');
        try {
          assertPasswordAccepted(password, username);
        } catch (err) {
          const fields = err instanceof AppError ? err.fields.map((f) => f.code).join(', ') : String(err);
          console.error(`ADMIN_PASSWORD is refused by the password policy (${fields}): use 10+ characters, not a common password.`);
          process.exitCode = 1;
          break;
        }
        const id = await built.platform.auth.createAccount(
          { kind: 'staff', username, displayName: displayName ?? '系统管理员', password, roles: ['admin'] },
          { actorName: 'cli admin:create' },
        );
        await db.updateTable('platform.account').set({ must_change_password: true }).where('id', '=', id).execute();
        console.log(`Administrator ${username} created.`);
        if (!given) console.log(`Password (shown once; change it at the first log-in): ${password}`);
        break;
      }
    }
  } finally {
    await built.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error && err.name === 'DataFolderInUseError' ? err.message : err);
  process.exit(1);
});
