// history: Koenkk/zigbee-herdsman-converters 760310efe819930d8a6c09408989fb657f338b6a — https://github.com/Koenkk/zigbee-herdsman-converters/commit/760310efe819930d8a6c09408989fb657f338b6a (diff read)
// leaked: when the poll interval option changes while a poll is awaiting, the old timer callback re-arms and writes its new timer over the freshly started one in the per-device store, so that timer is never cleared and two poll chains run.
// covers: container=object-map drop=overwrite resource=timer born=after-insert

// Module-level store: one record of values per device, keyed by ieee address.
const store = new Map<string, Record<string, unknown>>();

function getValue(ieeeAddr: string, key: string): unknown {
  const entry = store.get(ieeeAddr);
  return entry !== undefined && key in entry ? entry[key] : undefined;
}

function putValue(ieeeAddr: string, key: string, value: unknown): void {
  let entry = store.get(ieeeAddr);
  if (entry === undefined) {
    entry = {};
    store.set(ieeeAddr, entry);
  }
  entry[key] = value;
}

function clearValue(ieeeAddr: string, key: string): void {
  const entry = store.get(ieeeAddr);
  if (entry !== undefined) {
    delete entry[key];
  }
}

type KeyValue = Record<string, unknown>;

interface Device {
  ieeeAddr: string;
}

type Event =
  | { type: 'stop'; data: { ieeeAddr: string } }
  | { type: 'start'; data: { device: Device; options: KeyValue } }
  | { type: 'deviceOptionsChanged'; data: { device: Device; options: KeyValue; from: KeyValue; to: KeyValue } };

type Handler = (event: Event) => void;

export function poll(args: {
  key: string;
  defaultIntervalSeconds: number;
  poll: (device: Device, options: KeyValue) => Promise<void> | void;
  optionKey?: string;
}): Handler[] {
  const optionKey = args.optionKey ?? `${args.key}_poll_interval`;
  return [
    (event) => {
      if (event.type === 'start' || (event.type === 'deviceOptionsChanged' && event.data.from[optionKey] !== event.data.to[optionKey])) {
        const seconds = Number(event.data.options[optionKey] ?? args.defaultIntervalSeconds);

        clearTimeout(getValue(event.data.device.ieeeAddr, args.key) as NodeJS.Timeout | undefined);

        if (seconds <= 0) {
          return;
        }
        const setTimer = () => {
          const timer = setTimeout(async () => {
            try {
              await args.poll(event.data.device, event.data.options);
            } catch (error) {
              console.debug(`Poll of '${event.data.device.ieeeAddr}' failed (${error})`);
            }
            // Re-arms unconditionally, even if the option changed meanwhile
            // and a newer timer now sits in the store.
            setTimer();
          }, seconds * 1000);
          putValue(event.data.device.ieeeAddr, args.key, timer); // expect: stop-on-evict
        };
        setTimer();
      } else if (event.type === 'stop') {
        clearTimeout(getValue(event.data.ieeeAddr, args.key) as NodeJS.Timeout | undefined);
        clearValue(event.data.ieeeAddr, args.key);
      }
    },
  ];
}
