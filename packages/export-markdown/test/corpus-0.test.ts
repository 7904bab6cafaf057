import { corpusShard } from './corpus.js';

corpusShard(0, 2);
