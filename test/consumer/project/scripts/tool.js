// Plain JavaScript: no type information, so the `disable-type-checked` config turns the rules off.
const timers = new Map();

export function start(key, run) {
  timers.set(key, setInterval(run, 1000));
}

export function drop(key) {
  timers.delete(key);
}
