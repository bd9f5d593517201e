import { db } from "~/db.server";

/** Whether the database answers a trivial query (for the public health check). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
