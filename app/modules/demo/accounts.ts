import type { Role } from "~/modules/auth/permissions";

/** Demo logins; they exist only in demo mode (LOTSE_DEMO=1). */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "admin@lotse.example", name: "Anja Admin", role: "admin" },
  { email: "leitung@lotse.example", name: "Petra Lindner", role: "leitung" },
  { email: "coach@lotse.example", name: "Jonas Becker", role: "jobcoach" },
  { email: "vermittlung@lotse.example", name: "Miriam Schulze", role: "vermittlung" },
];
