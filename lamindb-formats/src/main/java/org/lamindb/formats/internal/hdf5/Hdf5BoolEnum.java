package org.lamindb.formats.internal.hdf5;

import io.jhdf.object.datatype.BitField;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The HDF5 type h5py and anndata use for booleans: an enum over int8 with members {@code FALSE=0}
 * and {@code TRUE=1}. jHDF 0.13 writes Java booleans as 8-bit bitfields (Python reads those as
 * {@code uint8}, which pandas rejects as a nullable mask), and has no API for enum types. Bitfield
 * and enum store the same bytes, so this type keeps jHDF's bitfield encoding of the values and only
 * changes the datatype message; it is put on jHDF's writable dataset/attribute by reflection.
 * {@link #SUPPORTED} is false if jHDF's internals changed, and callers then fall back to bitfields.
 */
final class Hdf5BoolEnum extends BitField {
  private static final Field DATASET_TYPE = field("io.jhdf.WritableDatasetImpl");
  private static final Field ATTRIBUTE_TYPE = field("io.jhdf.api.WritableAttributeImpl");

  /** True when jHDF's writable nodes can be given this type. */
  static final boolean SUPPORTED = DATASET_TYPE != null && ATTRIBUTE_TYPE != null;

  private static final Hdf5BoolEnum INSTANCE_ENUM = SUPPORTED ? new Hdf5BoolEnum() : null;

  private Hdf5BoolEnum() {
    super(BitField.INSTANCE.toBuffer());
  }

  private static Field field(String className) {
    try {
      Field f = Class.forName(className).getDeclaredField("dataType");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Datatype message version 3, class 8 (enum), 2 members, size 1, base int8 little-endian signed.
   */
  @Override
  public ByteBuffer toBuffer() {
    ByteBuffer b = ByteBuffer.allocate(33).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x38).put((byte) 2).put((byte) 0).put((byte) 0).putInt(1);
    b.put((byte) 0x10).put((byte) 0x08).put((byte) 0).put((byte) 0).putInt(1);
    b.putShort((short) 0).putShort((short) 8);
    b.put("FALSE".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    b.put("TRUE".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    b.put((byte) 0).put((byte) 1);
    b.flip();
    return b;
  }

  /** Gives a just-written boolean dataset the enum type. */
  static void applyToDataset(Object dataset) {
    set(DATASET_TYPE, dataset);
  }

  /** Gives a just-written boolean attribute the enum type. */
  static void applyToAttribute(Object attribute) {
    set(ATTRIBUTE_TYPE, attribute);
  }

  private static void set(Field f, Object target) {
    if (!SUPPORTED || target == null || !f.getDeclaringClass().isInstance(target)) {
      return;
    }
    try {
      f.set(target, INSTANCE_ENUM);
    } catch (IllegalAccessException e) {
      // keep jHDF's bitfield type
    }
  }
}
