"use client";
// Signs out through better-auth's endpoint, then returns to the public pages.
import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    router.push("/");
    router.refresh();
  }
  return <button type="button" onClick={signOut}>Sign out</button>;
}
