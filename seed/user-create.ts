// `npm run user:create -- --email E --role editor|admin [--password P] [--name N]`: adds an
// account. Without --password it prints a one-time password, once; it is stored only hashed.
import { parseArgs } from "node:util";
import { createAuth } from "../lib/auth/auth.ts";
import { authSecret } from "../lib/auth/secret.ts";
import { createUser, UserCreateError } from "../lib/auth/users.ts";
import { describeDatabase, readEnv } from "../lib/server/env.ts";
import { openDatabase } from "../lib/server/prisma-factory.ts";

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string", default: "editor" }, password: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (e) {
    throw new UserCreateError(`${(e as Error).message}\nusage: npm run user:create -- --email E --role editor|admin [--password P] [--name N]`);
  }
  if (!values.email) throw new UserCreateError("--email is required\nusage: npm run user:create -- --email E --role editor|admin [--password P] [--name N]");
  const database = openDatabase();
  try {
    const auth = createAuth(database.prisma, { secret: await authSecret(database.prisma), baseURL: process.env.BETTER_AUTH_URL || "http://localhost", rateLimit: false });
    const user = await createUser(auth, { email: values.email, role: values.role!, password: values.password, name: values.name });
    console.log(`created ${user.role} ${user.email} in ${describeDatabase(readEnv())}`);
    if (user.generated) console.log(`one-time password (shown once; ask them to keep it safe): ${user.password}`);
  } finally {
    await database.close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(`user:create failed: ${e instanceof UserCreateError ? e.message : (e as Error).message}`);
  process.exit(1);
});
