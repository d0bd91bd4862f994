package dev.spinmixed.tests.abi;

import dev.spinmixed.abi.AbiException;
import dev.spinmixed.abi.FlatValues;
import dev.spinmixed.abi.Flattening;
import dev.spinmixed.wit.WitType;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a guest leaves in memory or returns, lifting yields a value or an {@link AbiException}:
 * never an index error or other runtime exception from deep inside.
 */
class GarbageMemoryTest {

    @Provide
    Arbitrary<Random> randoms() {
        return Arbitraries.randoms();
    }

    @Property(tries = 2000)
    void liftingGarbageNeverFailsUncontrolled(@ForAll("randoms") Random random) {
        ScratchMemory m = new ScratchMemory();
        byte[] junk = new byte[4096];
        random.nextBytes(junk);
        // Small pointers and lengths now and then, so some garbage decodes far enough to matter.
        for (int i = 0; i < junk.length; i += 4 + random.nextInt(12)) {
            junk[i] = (byte) random.nextInt(64);
            if (i + 3 < junk.length) {
                junk[i + 1] = junk[i + 2] = junk[i + 3] = 0;
            }
        }
        m.memory.write(0, junk);
        WitType type = new RandomWit(random).type(3);
        try {
            m.lifter().load(type, random.nextInt(5000), "garbage");
        } catch (AbiException expected) {
            // the boundary refused it, as it should
        }
        List<dev.spinmixed.abi.FlatType> flat = Flattening.flatten(type);
        long[] values = new long[flat.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextBoolean() ? random.nextInt(64) : random.nextLong();
        }
        try {
            m.lifter().liftFlat(type, new FlatValues(values, flat));
        } catch (AbiException expected) {
            // likewise
        }
    }
}
