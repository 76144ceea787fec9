# Sourced by notebooks/execute and notebooks/open from the repository root. Builds the project
# when its sources changed, puts its classes and runtime dependencies on the classpath of
# whichever Java kernel runs (IJava, JJava or rapaio read their own variable), and installs the
# rapaio Java kernel from Maven Central, through ./mvnw, under target/notebooks/jupyter.

RJK_VERSION=3.0.1
NOTEBOOK_KERNEL=rapaio-linear-models

build=target/notebooks
classpath_file=$build/classpath.txt
if [ ! -f "$classpath_file" ] || [ ! -d target/classes ] \
    || [ -n "$(find pom.xml src/main -newer "$classpath_file" -print -quit)" ]; then
  mkdir -p "$build"
  ./mvnw -q -B compile dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$classpath_file" >&2
fi
root=$(pwd)
jars=$(cat "$classpath_file")
# IJava and JJava split their variable on the path separator; rapaio splits its own on ';'.
export IJAVA_CLASSPATH="$root/target/classes:$jars"
export JJAVA_CLASSPATH="$IJAVA_CLASSPATH"
export RJK_CLASSPATH="${IJAVA_CLASSPATH//:/;}"

# The kernel lives in the project's own Jupyter path rather than the user's: rapaio's installer
# (java -jar ... -i -auto) writes "RJK_CLASSPATH": "" into kernel.json, and a kernel spec's env
# overrides the caller's, so the classpath above would never reach the kernel. This spec passes
# it through with Jupyter's ${VAR} substitution.
kernel_dir=$build/jupyter/kernels/$NOTEBOOK_KERNEL
kernel_jar=$kernel_dir/rapaio-jupyter-kernel-$RJK_VERSION.jar
if [ ! -f "$kernel_jar" ]; then
  ./mvnw -q -B dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION \
    -DoutputDirectory="$kernel_dir" >&2
fi
# rapaio 3.0.1's channel threads race the kernel's start (see notebooks/kernel-patch): the
# patched class goes ahead of the jar on the kernel's class path.
patch_source=notebooks/kernel-patch/org/rapaio/jupyter/kernel/channels/LoopThread.java
patch_dir=$kernel_dir/patch
if [ ! -f "$patch_dir/org/rapaio/jupyter/kernel/channels/LoopThread.class" ] \
    || [ "$patch_source" -nt "$patch_dir/org/rapaio/jupyter/kernel/channels/LoopThread.class" ]; then
  javac --release 17 -d "$patch_dir" "$patch_source"
fi
kernel_classpath="$root/$patch_dir:$root/$kernel_jar"
# The path may hold any character ("s, backslashes): written as a JSON string, escaped.
kernel_classpath_json=$(scripts/json-string "$kernel_classpath")
cat > "$kernel_dir/kernel.json" <<JSON
{
  "argv": ["java", "-cp", $kernel_classpath_json, "org.rapaio.jupyter.kernel.MainApp",
    "{connection_file}"],
  "display_name": "Java (rapaio $RJK_VERSION, linear models)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_CLASSPATH": "\${RJK_CLASSPATH}",
    "RJK_COMPILER_OPTIONS": "",
    "RJK_INIT_SCRIPT": "",
    "RJK_TIMEOUT_MILLIS": "-1"
  }
}
JSON
export JUPYTER_PATH="$root/$build/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"

# libtorch's OpenMP workers spin while they wait for each other; on a machine whose cores are
# busy with other work, that made a 4-second MNIST run take 80 seconds. These models are tiny,
# so one thread loses little when the machine is idle.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
