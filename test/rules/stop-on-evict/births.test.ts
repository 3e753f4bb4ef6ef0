// stop-on-evict — where an obligation is born: a factory, a start() after construction, a record armed
// after insertion, a timer whatever its type says, a nested container, another module.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: "the story's meter (interface, unexported class, registering factory) stopped before the delete",
      code: `import { newMeter, type Meter } from './metrics.js';
const meters = new Map<string, Meter>();
export function hit(route: string) { let m = meters.get(route); if (!m) { m = newMeter(); meters.set(route, m); } m.mark(1); }
export function remove(route: string) { meters.get(route)?.stop(); meters.delete(route); }`,
    },
  ],
  invalid: [
    {
      name: "the story's meter removed without stop(): the release itself proves the obligation",
      code: `import { newMeter, type Meter } from './metrics.js';
const meters = new Map<string, Meter>();
export function hit(route: string) { let m = meters.get(route); if (!m) { m = newMeter(); meters.set(route, m); } m.mark(1); }
export function remove(route: string) { meters.delete(route); }`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `import { newMeter, type Meter } from './metrics.js';
const meters = new Map<string, Meter>();
export function hit(route: string) { let m = meters.get(route); if (!m) { m = newMeter(); meters.set(route, m); } m.mark(1); }
export function remove(route: string) { meters.get(route)?.stop();
meters.delete(route); }`,
            },
          ],
        },
      ],
    },
  ],
});
