// history: Mentra-Community/MentraOS 244a22906a6f743ceac43f1e5e071fcc82b8f9e8 — https://github.com/Mentra-Community/MentraOS/commit/244a22906a6f743ceac43f1e5e071fcc82b8f9e8 (diff read)
// leaked: when onSession ran again for a session id that was still active (reconnect), the session record holding the running per-minute update interval was overwritten in _activeSessions without clearInterval, so the old interval kept refreshing the dashboard forever.
// covers: container=map drop=overwrite resource=interval born=after-insert

enum DashboardMode {
    MAIN = 'main',
    EXPANDED = 'expanded',
}

interface SessionEvents {
    on(event: string, handler: (message: any) => void): () => void
}

interface SessionSettings {
    get<T = unknown>(key: string, defaultValue?: T): T
}

// shape of the SDK's TpaSession, only what is used here
interface TpaSession {
    events: SessionEvents
    settings: SessionSettings
}

// the SDK base class; it calls onSession/onStop as sessions come and go
declare abstract class TpaServer {
    constructor(config: { packageName: string; port: number; apiKey: string })
    protected abstract onSession(session: TpaSession, sessionId: string, userId: string): Promise<void>
    protected abstract onStop(sessionId: string, userId: string, reason: string): Promise<void>
}

interface DashboardSessionInfo {
    userId: string
    phoneNotificationCache: { title: string; content: string; timestamp: number }[]
    dashboardMode: DashboardMode
    updateInterval?: NodeJS.Timeout
    userDatetime?: string
}

export abstract class DashboardServer extends TpaServer {
    private _activeSessions: Map<string, DashboardSessionInfo> = new Map()

    protected async onSession(session: TpaSession, sessionId: string, userId: string): Promise<void> {
        // initialise the session's metadata
        this._activeSessions.set(sessionId, { // expect: stop-on-evict
            userId,
            phoneNotificationCache: [],
            dashboardMode: DashboardMode.MAIN,
        })

        session.events.on('custom_message', (message: any) => {
            if (message.action === 'update_datetime') {
                const info = this._activeSessions.get(sessionId)
                if (info) {
                    info.userDatetime = message.payload.datetime
                    this.updateDashboardSections(session, sessionId)
                }
            }
        })

        this.updateDashboardSections(session, sessionId)

        // refresh the dashboard every minute
        const updateInterval = setInterval(() => {
            this.updateDashboardSections(session, sessionId)
        }, 60000)

        // keep the interval on the record so onStop can clear it
        const sessionInfo = this._activeSessions.get(sessionId)
        if (sessionInfo) {
            sessionInfo.updateInterval = updateInterval
        }
    }

    protected async onStop(sessionId: string, _userId: string, _reason: string): Promise<void> {
        const sessionInfo = this._activeSessions.get(sessionId)
        if (sessionInfo?.updateInterval) {
            clearInterval(sessionInfo.updateInterval)
        }
        this._activeSessions.delete(sessionId)
    }

    private updateDashboardSections(session: TpaSession, sessionId: string): void {
        const sessionInfo = this._activeSessions.get(sessionId)
        if (!sessionInfo) return
        const content = session.settings.get('dashboard_content', 'none')
        void content
    }
}
