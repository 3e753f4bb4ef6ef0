// history: bitfocus/companion b643494b2325372ce0b4f9528b9b188184dfb689 — https://github.com/bitfocus/companion/commit/b643494b2325372ce0b4f9528b9b188184dfb689 (diff read)
// leaked: a second press from the same surface replaced surfaceHoldState[deviceId] with a fresh hold state while the previous state's queued 'runWhileHeld' timeouts were still pending, so they fired later and could not be cancelled.
// covers: container=object-map drop=overwrite resource=timer born=after-insert

interface ActionRunner {
  runMultipleActions(actions: string[], controlId: string, relativeDelay: boolean, extras: { deviceid: string | undefined }): void
}

interface Step {
  options: { runWhileHeld: number[] }
  action_sets: Record<string, string[] | undefined>
}

interface HoldState {
  pressed: number
  timers: NodeJS.Timeout[]
}

abstract class ButtonControlBase {
  pushed = false
  constructor(readonly controlId: string, protected readonly actions: ActionRunner) {}

  protected setPushed(pressed: boolean): boolean {
    const changed = this.pushed !== pressed
    this.pushed = pressed
    return changed
  }

  destroy(): void {
    this.pushed = false
  }
}

export class ControlButtonNormal extends ButtonControlBase {
  steps: Record<string, Step> = {}
  currentStepId = '0'
  relativeDelay = false

  // Button hold state for each surface/deviceId
  surfaceHoldState: Record<string, HoldState | undefined> = {}

  // Abort any running 'while held' timers
  abortRunningHoldTimers(deviceId?: string): void {
    if (deviceId) {
      if (this.surfaceHoldState[deviceId]) {
        for (const timer of this.surfaceHoldState[deviceId].timers) {
          clearTimeout(timer)
        }
      }
      delete this.surfaceHoldState[deviceId]
    } else {
      for (const holdState of Object.values(this.surfaceHoldState)) {
        if (holdState) {
          for (const timer of holdState.timers) {
            clearTimeout(timer)
          }
        }
      }
      this.surfaceHoldState = {}
    }
  }

  override destroy(): void {
    this.abortRunningHoldTimers()
    super.destroy()
  }

  pressControl(pressed: boolean, deviceId: string | undefined, force = false): void {
    let pressedDuration = 0
    let holdState: HoldState | undefined = undefined
    if (deviceId) {
      if (pressed) {
        this.abortRunningHoldTimers(deviceId)

        this.surfaceHoldState[deviceId] = holdState = {
          pressed: Date.now(),
          timers: [],
        }
      } else {
        const state = this.surfaceHoldState[deviceId]
        if (state) {
          pressedDuration = Date.now() - state.pressed

          this.abortRunningHoldTimers(deviceId)
        }
      }
    }

    const changed = this.setPushed(pressed)
    if (!changed && !force) return

    const step = this.steps[this.currentStepId]
    if (!step) return

    let actionSetId: string | number = pressed ? 'down' : 'up'
    if (!pressed && pressedDuration) {
      const setIds = Object.keys(step.action_sets)
        .map((id) => Number(id))
        .filter((id) => !isNaN(id) && id < pressedDuration)
      if (setIds.length) actionSetId = Math.max(...setIds)
    }

    const runActionSet = (setId: string | number) => {
      const actions = step.action_sets[String(setId)]
      if (actions) {
        this.actions.runMultipleActions(actions, this.controlId, this.relativeDelay, { deviceid: deviceId })
      }
    }

    if (pressed && holdState && holdState.timers.length === 0) {
      // queue any 'runWhileHeld' timers
      const times = [...step.options.runWhileHeld].sort()
      for (const time of times) {
        holdState.timers.push(
          setTimeout(() => {
            try {
              runActionSet(time)
            } catch (e) {
              console.warn(`hold actions execution failed: ${e}`)
            }
          }, time)
        )
      }
    }

    if (typeof actionSetId === 'string' || !step.options.runWhileHeld.includes(actionSetId)) {
      runActionSet(actionSetId)
    }
  }
}
