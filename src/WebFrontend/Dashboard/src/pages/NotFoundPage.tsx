export function NotFoundPage() {
  return (
    <section class="page">
      <h1>Page not found</h1>
      <p><a href="/inbox">Go to the inbox</a></p>
    </section>
  );
}
