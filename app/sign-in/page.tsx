import type { Metadata } from "next";
import { connection } from "next/server";
import { SignInForm } from "@/components/editors/sign-in-form.tsx";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Only a path on this site (never //host or a scheme), so the form cannot send anyone elsewhere. */
function safeNext(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^\/(?!\/)[^\s\\]*$/.test(s) && s.length < 500 ? s : "/review";
}

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const next = safeNext((await searchParams).next);
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">For editors, who review new reports and accept their facts into the record. Reading needs no account.
        Accounts are made by an admin; there is no sign-up.</p>
      <div className="panel" style={{ maxWidth: "30rem" }}>
        <SignInForm next={next} />
      </div>
    </>
  );
}
