// Which screen a URL shows. No router: there are two screens, chosen from the path.
export type Route = { screen: 'form' } | { screen: 'status'; reference: string };

export function routeFor(pathname: string): Route {
  const m = /\/t\/([^/]+)\/?$/.exec(pathname);
  if (!m) return { screen: 'form' };
  try {
    return { screen: 'status', reference: decodeURIComponent(m[1]) };
  } catch {
    return { screen: 'status', reference: m[1] };
  }
}
