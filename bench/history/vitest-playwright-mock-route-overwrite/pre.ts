// history: vitest-dev/vitest 41db6ce282dd1d08c6833a62d38dc3e307baac13 — https://github.com/vitest-dev/vitest/pull/10267 (diff read)
// leaked: registering a second mock for a module URL already mocked in the same session replaced its route predicate in idPredicates without unrouting the old one, so the old Playwright route stayed installed on the context.
// covers: container=map drop=overwrite resource=listener born=after-insert

// Local stand-ins for the playwright-core types used here.
interface Request {
  url(): string
}
interface Route {
  request(): Request
  fulfill(options: { status?: number; body?: string; headers?: Record<string, string> }): Promise<void>
  continue(): Promise<void>
}
type UrlPredicate = (url: URL) => boolean
interface BrowserContext {
  route(url: UrlPredicate, handler: (route: Route) => Promise<void>): Promise<void>
  unroute(url: UrlPredicate): Promise<void>
}
interface Page {
  context(): BrowserContext
}

interface MockedModule {
  url: string
  type: 'manual' | 'redirect'
  redirect: string
  resolve(): Promise<Record<string, unknown>>
}

export class PlaywrightMockRegistry {
  private readonly pages = new Map<string, Page>()
  private readonly idPredicates = new Map<string, UrlPredicate>()
  private readonly sessionIds = new Map<string, string[]>()

  addPage(sessionId: string, page: Page): void {
    this.pages.set(sessionId, page)
  }

  private getPage(sessionId: string): Page {
    const page = this.pages.get(sessionId)
    if (!page) throw new Error(`no page for session ${sessionId}`)
    return page
  }

  private key(sessionId: string, url: string): string {
    return `${sessionId}:${url}`
  }

  // Builds the request matcher and records it under session + normalised URL.
  private createPredicate(sessionId: string, url: string): UrlPredicate {
    const moduleUrl = new URL(url, 'http://localhost')
    const predicate: UrlPredicate = (candidate) => {
      if (candidate.searchParams.has('_vitest_original')) return false
      if (candidate.pathname !== moduleUrl.pathname) return false
      candidate.searchParams.delete('t')
      candidate.searchParams.delete('v')
      return candidate.searchParams.size === moduleUrl.searchParams.size
    }
    const ids = this.sessionIds.get(sessionId) || []
    ids.push(moduleUrl.href)
    this.sessionIds.set(sessionId, ids)
    this.idPredicates.set(this.key(sessionId, moduleUrl.href), predicate) // expect: stop-on-evict
    return predicate
  }

  async register(sessionId: string, module: MockedModule): Promise<void> {
    const page = this.getPage(sessionId)
    await page.context().route(this.createPredicate(sessionId, module.url), async (route) => {
      if (module.type === 'manual') {
        const exports = Object.keys(await module.resolve())
        return route.fulfill({ body: `export { ${exports.join(', ')} }` })
      }
      return route.fulfill({ status: 302, headers: { Location: module.redirect } })
    })
  }

  async delete(sessionId: string, id: string): Promise<void> {
    const page = this.getPage(sessionId)
    const key = this.key(sessionId, id)
    const predicate = this.idPredicates.get(key)
    if (predicate) {
      await page.context().unroute(predicate).finally(() => this.idPredicates.delete(key))
    }
  }

  async clear(sessionId: string): Promise<void> {
    const page = this.getPage(sessionId)
    const ids = this.sessionIds.get(sessionId) || []
    const pending = ids.map((id) => {
      const key = this.key(sessionId, id)
      const predicate = this.idPredicates.get(key)
      if (predicate) {
        return page.context().unroute(predicate).finally(() => this.idPredicates.delete(key))
      }
      return null
    })
    await Promise.all(pending).finally(() => this.sessionIds.delete(sessionId))
  }
}
