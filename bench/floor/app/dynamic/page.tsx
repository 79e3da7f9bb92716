import { connection } from 'next/server';

export default async function DynamicPage() {
  await connection();
  return <h1>A dynamic page</h1>;
}
