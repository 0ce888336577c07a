// The two roles. Readers have no account: every page reads without one.
export const ROLES = ["editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: "Editor: reviews reports and accepts facts into the record",
  admin: "Admin: an editor who also manages users",
};

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

/** May this account write to the record? Both roles may; a banned account may not. */
export function canEdit(user: { role?: string | null; banned?: boolean | null } | null | undefined): boolean {
  return !!user && !user.banned && (user.role ?? "").split(",").some((r) => isRole(r.trim()));
}
