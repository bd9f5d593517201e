// `npm run user:create -- --email a@b.de --name "Vor Nach" [--role admin]`: creates an active user.
// The password is asked for on the terminal (not echoed) or read from the first line of stdin.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

process.env.DATABASE_URL ??= "file:./data/lotse.db";
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "admin" },
  },
});
if (!values.email || !values.name) {
  console.error(
    'Aufruf: npm run user:create -- --email <E-Mail> --name "<Name>" [--role admin|leitung|jobcoach|vermittlung]',
  );
  process.exit(1);
}

async function readPassword(): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  if (process.stdin.isTTY) {
    process.stdout.write("Passwort (mindestens 12 Zeichen): ");
    // Mute the echo while typing.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) => rl.once("line", resolve));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  return line;
}

const { createUser } = await import("../app/modules/auth/users.server.ts");
const { ZodError } = await import("zod");
try {
  const user = await createUser({
    email: values.email,
    name: values.name,
    role: values.role as never,
    password: await readPassword(),
  });
  console.log(`Zugang angelegt: ${user.email} (${values.role})`);
} catch (error) {
  if (error instanceof ZodError) {
    for (const issue of error.issues)
      console.error(`${issue.path.join(".") || "Passwort"}: ${issue.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
