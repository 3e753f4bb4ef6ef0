import noSilentOverwrite from './no-silent-overwrite.js';
import stopOnEvict from './stop-on-evict.js';

export const rules = {
  'no-silent-overwrite': noSilentOverwrite,
  'stop-on-evict': stopOnEvict,
};
