// The strings of the console's stages panel and the overview's stages (one JSON file per language;
// a test checks that every pair in this folder has the same keys). Importing this module registers them.
import { addMessages } from '../i18n.js';
import zh from './stages.zh.json' with { type: 'json' };
import en from './stages.en.json' with { type: 'json' };

addMessages({ zh, en });
