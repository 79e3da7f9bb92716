import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { databaseTarget, describeTarget } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { createUserFromCli } from '../db/mutations/users';
import { isCommonPassword } from '../lib/auth/common-passwords';
import { oneLine } from '../lib/errors';
import { newUserInputSchema } from '../lib/validation/users';
import { englishMessage } from './messages';

// `npm run user:create -- --email E --name N --role admin|editor|viewer`, the password on standard input.
// For PGlite, stop the server first: only one process may open the folder.
const usage = 'usage: npm run user:create -- --email E --name N --role admin|editor|viewer  (password on stdin)';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; pipe it in to hide it): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

let values;
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    strict: true,
  }));
} catch (err) {
  console.error(`${oneLine(err)}\n${usage}`);
  process.exit(2);
}
const parsed = newUserInputSchema.safeParse({ ...values, password: await readStdin() });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'input'}: ${englishMessage(issue.message)}`);
  console.error(usage);
  process.exit(2);
}

if (isCommonPassword(parsed.data.password)) {
  console.error(`password: ${englishMessage('validation.passwordCommon')}`);
  process.exit(2);
}

const target = databaseTarget();
try {
  const conn = openDatabase(target);
  await migrateDatabase(conn);
  const result = await createUserFromCli(conn.db, parsed.data);
  if (result === 'duplicate') {
    console.error(`a user with the email ${parsed.data.email} already exists`);
    process.exitCode = 1;
  } else {
    console.log(`created ${parsed.data.role} ${parsed.data.email} on ${describeTarget(target)}`);
  }
  await conn.close();
} catch (err) {
  console.error(`could not create the user on ${describeTarget(target)}: ${oneLine(err)}`);
  process.exit(1);
}
