// history: api-platform/admin d55e3d30b222789f0305595f93e76df87a2a9f00 — https://github.com/api-platform/admin/commit/d55e3d30b222789f0305595f93e76df87a2a9f00 (diff read)
// leaked: when the last subscriber of a resource unsubscribed, its Mercure subscription was deleted from the subscriptions record after only removing the message listener, so the EventSource stayed open and kept its SSE connection to the hub.
// covers: container=object-map drop=delete resource=socket born=factory env=browser

interface AdminRecord {
    id: string
    [key: string]: unknown
}

interface MercureOptions {
    hub: string | null
    jwt: string | null
    topicUrl: string
}

interface MercureSubscription {
    subscribed: boolean
    topic: string
    callback: (record: AdminRecord) => void
    count: number
    eventSource?: EventSource
    eventListener?: (event: MessageEvent) => void
}

function toAdminRecord(raw: unknown): AdminRecord {
    const obj = raw as Record<string, unknown>
    return { ...obj, id: String(obj['@id']) }
}

// opens one SSE connection per topic once the hub is known
function openSubscription(
    mercure: MercureOptions,
    topic: string,
    callback: (record: AdminRecord) => void,
): MercureSubscription {
    if (mercure.hub === null) {
        return { subscribed: false, topic, callback, count: 1 }
    }
    const url = new URL(mercure.hub, window.origin)
    url.searchParams.append('topic', new URL(topic, mercure.topicUrl).toString())
    if (mercure.jwt !== null) {
        document.cookie = `mercureAuthorization=${mercure.jwt}; Path=${mercure.hub}; Secure; SameSite=None`
    }
    const eventSource = new EventSource(url.toString(), { withCredentials: mercure.jwt !== null })
    const eventListener = (event: MessageEvent) => {
        callback(toAdminRecord(JSON.parse(event.data)))
    }
    eventSource.addEventListener('message', eventListener)
    return { subscribed: true, topic, callback, eventSource, eventListener, count: 1 }
}

export function makeRealtimeProvider(mercure: MercureOptions) {
    // store of live subscriptions, one per resource id
    const subscriptions: Record<string, MercureSubscription> = {}

    const onHubDiscovered = (hubUrl: string) => {
        if (mercure.hub !== null) return
        mercure.hub = hubUrl
        for (const key in subscriptions) {
            const sub = subscriptions[key]
            // only placeholders (no EventSource yet) are replaced here
            if (sub && !sub.subscribed) {
                subscriptions[key] = openSubscription(mercure, sub.topic, sub.callback)
            }
        }
    }

    return {
        onHubDiscovered,
        subscribe(resourceIds: string[], callback: (record: AdminRecord) => void) {
            resourceIds.forEach((resourceId) => {
                const sub = subscriptions[resourceId]
                if (sub !== undefined) {
                    sub.count++
                    return
                }
                subscriptions[resourceId] = openSubscription(mercure, resourceId, callback)
            })
            return Promise.resolve({ data: null })
        },
        unsubscribe(_resource: string, resourceIds: string[]) {
            resourceIds.forEach((resourceId) => {
                const sub = subscriptions[resourceId]
                if (sub === undefined) return
                sub.count--
                if (sub.count <= 0) {
                    if (sub.subscribed && sub.eventSource && sub.eventListener) {
                        sub.eventSource.removeEventListener('message', sub.eventListener)
                        sub.eventSource.close()
                    }
                    delete subscriptions[resourceId]
                }
            })
            return Promise.resolve({ data: null })
        },
    }
}
