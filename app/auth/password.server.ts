import { hash, verify } from "@node-rs/argon2";

// Argon2id (the library's default algorithm) with OWASP's minimum parameters:
// 19 MiB of memory, 2 passes, 1 lane — about 30 ms here, affordable per login.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Compared against when the email is unknown, so a login takes the same time either way.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword("mot-de-passe-factice-pour-le-temps-constant");
  await verifyPassword(await dummyHash, password);
  return false;
}
