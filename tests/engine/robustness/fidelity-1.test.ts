/** Fidelity against the real kubectl, part 1: see `fidelity-suite.ts`. */
import { fidelitySuite } from "./fidelity-suite";

fidelitySuite(0);
