/** A bare configuration: the floor measures Next.js itself, with the headers every Amity response carries. */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
