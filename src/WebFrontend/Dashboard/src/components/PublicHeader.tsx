/** The visitors' navigation on the public pages: the product, its prices, and the ways in. */
export function PublicHeader() {
  return (
    <header class="public-header">
      <a href="/" class="brand">Conversations</a>
      <nav aria-label="Main">
        <a href="/pricing">Pricing</a>
        <a href="/login">Log in</a>
        <a href="/signup" class="button-link">Sign up</a>
      </nav>
    </header>
  );
}
