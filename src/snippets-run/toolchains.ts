/**
 * Where the SDK toolchains live: scripts/setup-toolchains.sh installs every SDK at the exact version
 * its lock names into .toolchains/ (inside the repository, gitignored), so nothing outside the
 * repository is needed. The versions shown in reports are read from the locks themselves.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../util/paths.js";

export const TOOLCHAINS_DIR = path.join(PROJECT_ROOT, ".toolchains");
export const SETUP_SCRIPT = "scripts/setup-toolchains.sh";

export const SDK_DIRS = {
  python: path.join(PROJECT_ROOT, "implementations", "sdk-python"),
  go: path.join(PROJECT_ROOT, "implementations", "sdk-go"),
  java: path.join(PROJECT_ROOT, "implementations", "sdk-java"),
} as const;

export const PYTHON_PACKAGES = path.join(TOOLCHAINS_DIR, "python");
export const JAVA_LIB = path.join(TOOLCHAINS_DIR, "java", "lib");

/** Go's module and build caches inside the repository (the SDK takes minutes to compile once; then it is reused). */
export function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOMODCACHE: path.join(TOOLCHAINS_DIR, "go", "mod"),
    GOCACHE: path.join(TOOLCHAINS_DIR, "go", "cache"),
    GOFLAGS: "-modcacherw -mod=readonly",
    GOTOOLCHAIN: "local",
    GOPROXY: process.env.GOPROXY ?? "https://proxy.golang.org,direct",
  };
}

export function pythonEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONPATH: PYTHON_PACKAGES, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" };
}

export function javaClasspath(...extra: string[]): string {
  const jars = fs.existsSync(JAVA_LIB) ? fs.readdirSync(JAVA_LIB).filter((f) => f.endsWith(".jar")).sort().map((f) => path.join(JAVA_LIB, f)) : [];
  return [...extra, ...jars].join(path.delimiter);
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The exact SDK versions, from the locks (requirements.txt, go.mod, pom.xml, package.json). */
export function sdkVersions(): Record<"python" | "go" | "java" | "javascript", { package: string; version: string }> {
  const pkg = JSON.parse(read(path.join(PROJECT_ROOT, "package.json")) || "{}") as { devDependencies?: Record<string, string> };
  return {
    python: { package: "msgraph-sdk", version: /^msgraph-sdk==(\S+)/m.exec(read(path.join(SDK_DIRS.python, "requirements.txt")))?.[1] ?? "?" },
    go: { package: "msgraph-sdk-go", version: /^(?:require)?\s+github\.com\/microsoftgraph\/msgraph-sdk-go (v\S+)/m.exec(read(path.join(SDK_DIRS.go, "go.mod")))?.[1] ?? "?" },
    java: { package: "com.microsoft.graph:microsoft-graph", version: /<artifactId>microsoft-graph<\/artifactId>\s*<version>([^<]+)</.exec(read(path.join(SDK_DIRS.java, "pom.xml")))?.[1] ?? "?" },
    javascript: { package: "@microsoft/microsoft-graph-client", version: pkg.devDependencies?.["@microsoft/microsoft-graph-client"] ?? "?" },
  };
}
