import Link from "next/link";

export default function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p>There is no such page, lab or model in FrontierWatch. Try the <Link href="/models">models</Link> or <Link href="/labs">labs</Link> index.</p>
    </main>
  );
}
