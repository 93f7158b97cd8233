// The strings of the public notice page (one JSON file per language). Importing this module registers them.
import { addMessages } from '../i18n.js';
import zh from './results.zh.json' with { type: 'json' };
import en from './results.en.json' with { type: 'json' };

addMessages({ zh, en });
