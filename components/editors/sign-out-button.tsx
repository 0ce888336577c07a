"use client";
// Signs out through better-auth's endpoint, then returns to the public pages.
export function SignOutButton() {
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    window.location.assign("/");
  }
  return <button type="button" onClick={signOut}>Sign out</button>;
}
