// The strings of the open call, the schedule, the named screens and the overlay (one JSON file per
// language; a test checks that both have the same keys). Importing this module registers them.
import { addMessages } from '../i18n.js';
import zh from './selection.zh.json' with { type: 'json' };
import en from './selection.en.json' with { type: 'json' };

addMessages({ zh, en });
