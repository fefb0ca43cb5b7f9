// The name tagger (names/), its trainer (train/gumData.ts) and test/unit/name-tagger.test.ts import the
// paragraph's token slots from here; they now live in slots.ts (a foundation). This re-export keeps those
// modules untouched while they are being rewritten; point their imports at './slots' and delete this file.
export { paragraphSlots, type Slot } from './slots';
