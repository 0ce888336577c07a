/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its package folder at run time; bundling it
  // breaks that (ERR_INVALID_ARG_TYPE ... instance of URL). The database drivers stay external too.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "pg-copy-streams", "@prisma/adapter-pg"],
  // A separate build folder lets a benchmark or a second checkout build without touching .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Without this, Next.js hides from proxy.ts whether a request is a client-side navigation
  // (it strips the RSC headers and the _rsc parameter before the proxy runs), and the HTTP
  // cache answered those with the stored HTML of the same URL: the router then fell back to
  // a full page load on every filter change. lib/server/http-cache.ts needs to see them.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  // Headers every response carries, static files included; the per-request
  // Content-Security-Policy is set in proxy.ts.
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      ],
    }];
  },
};

export default nextConfig;
