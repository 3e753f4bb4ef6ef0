import stopOnEvict from './stop-on-evict.js';

export const rules = {
  'stop-on-evict': stopOnEvict,
};
