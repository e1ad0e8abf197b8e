import type { AppFailure, AppLogLine, AppModel } from "../../model/world";

/**
 * Builders for the Spring Boot applications of the standard library. They only assemble
 * plain `AppModel` data (log lines, requirements), the same a scenario could write in YAML.
 */

/** Spring Boot's banner, as `SpringApplication` prints it before the first log line. */
export const SPRING_BANNER: readonly string[] = [
  "",
  "  .   ____          _            __ _ _",
  " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
  "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
  " \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
  "  '  |____| .__|_| |_|_| |_\\__, | / / / /",
  " =========|_|==============|___/=/_/_/_/",
  "",
  " :: Spring Boot ::                (v3.2.5)",
  "",
];

/** Logger names as Logback abbreviates them to 40 characters, padded. */
function logger(name: string): string {
  return name.length >= 40 ? name.slice(0, 40) : name.padEnd(40, " ");
}

/** One Spring Boot 3.2 console line: `{time}  INFO 1 --- [app] [           main] logger : message`. */
export function springLine(app: string, level: "INFO" | "WARN" | "ERROR", loggerName: string, message: string, thread = "main"): string {
  return `{time} ${level.padStart(5, " ")} 1 --- [${app}] [${thread.padStart(15, " ")}] ${logger(loggerName)} : ${message}`;
}

/** The start-up lines of a Spring Boot web application, spread over `startupSeconds`. */
export function springStartupLogs(app: string, mainClass: string, shortMain: string, version: string, startupSeconds: number): AppLogLine[] {
  const at = (f: number) => Math.round(startupSeconds * f * 1000) / 1000;
  return [
    ...SPRING_BANNER.map((line) => ({ at: 0.4, line })),
    { at: at(0.18), line: springLine(app, "INFO", shortMain, `Starting ${mainClass} v${version} using Java 17.0.11 with PID 1 (/app/app.jar started by nonroot in /app)`) },
    { at: at(0.19), line: springLine(app, "INFO", shortMain, "{springProfiles}") },
    { at: at(0.45), line: springLine(app, "INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port {port} (http)") },
    { at: at(0.46), line: springLine(app, "INFO", "o.apache.catalina.core.StandardService", "Starting service [Tomcat]") },
    { at: at(0.47), line: springLine(app, "INFO", "o.apache.catalina.core.StandardEngine", "Starting Servlet engine: [Apache Tomcat/10.1.20]") },
    { at: at(0.52), line: springLine(app, "INFO", "o.a.c.c.C.[Tomcat].[localhost].[/]", "Initializing Spring embedded WebApplicationContext") },
    { at: at(0.53), line: springLine(app, "INFO", "w.s.c.ServletWebServerApplicationContext", "Root WebApplicationContext: initialization completed in {millis:0.35} ms") },
    { at: at(0.9), line: springLine(app, "INFO", "o.s.b.a.e.web.EndpointLinksResolver", "Exposing 1 endpoint(s) beneath base path '/actuator'") },
  ];
}

/** The lines a Spring Boot web application logs once it is up. */
export function springReadyLogs(app: string, mainClass: string, shortMain: string): AppLogLine[] {
  return [
    springLine(app, "INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port {port} (http) with context path ''"),
    springLine(app, "INFO", shortMain, `Started ${mainClass} in {startupSeconds} seconds (process running for {processSeconds})`),
  ];
}

/** The lines a Spring Boot application logs on SIGTERM (graceful shutdown). */
export function springShutdownLogs(app: string): AppLogLine[] {
  return [
    springLine(app, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "Commencing graceful shutdown. Waiting for active requests to complete", "ionShutdownHook"),
    springLine(app, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "Graceful shutdown complete", "tomcat-shutdown"),
  ];
}

/** Lines Spring logs when the context refresh fails, before the failure analysis. */
function contextFailure(app: string, exception: string): AppLogLine[] {
  return [
    springLine(app, "WARN", "ConfigServletWebServerApplicationContext", `Exception encountered during context initialization - cancelling refresh attempt: ${exception}`),
    springLine(app, "INFO", "o.apache.catalina.core.StandardService", "Stopping service [Tomcat]"),
    springLine(app, "INFO", ".s.b.a.l.ConditionEvaluationReportLogger", ""),
    "",
    "Error starting ApplicationContext. To display the condition evaluation report re-run your application with 'debug' enabled.",
  ];
}

/**
 * A `@ConfigurationProperties` class validated with `@NotBlank` whose property is missing:
 * Spring Boot's failure analysis box, exit code 1.
 */
export function springMissingProperty(app: string, property: string, prefix: string, propertiesClass: string, afterSeconds: number): AppFailure {
  const bind = `org.springframework.boot.context.properties.bind.BindException: Failed to bind properties under '${prefix}' to ${propertiesClass}`;
  return {
    exitCode: 1,
    afterSeconds,
    logs: [
      ...contextFailure(app, `org.springframework.beans.factory.BeanCreationException: Error creating bean with name '${prefix}-${propertiesClass}': Could not bind properties to '${propertiesClass.slice(propertiesClass.lastIndexOf(".") + 1)}' : prefix=${prefix}, ignoreInvalidFields=false, ignoreUnknownFields=true`),
      springLine(app, "ERROR", "o.s.b.d.LoggingFailureAnalysisReporter", ""),
      "",
      "***************************",
      "APPLICATION FAILED TO START",
      "***************************",
      "",
      "Description:",
      "",
      `Binding to target ${bind} failed:`,
      "",
      `    Property: ${property}`,
      '    Value: "null"',
      "    Reason: must not be blank",
      "",
      "",
      "Action:",
      "",
      "Update your application's configuration",
      "",
    ],
  };
}

/** A start-up call to a dependency that fails: `Application run failed` with the Java stack trace. */
export function springDependencyFailure(app: string, mainClass: string, packageName: string, afterSeconds: number): AppFailure {
  return {
    exitCode: 1,
    afterSeconds,
    logs: [
      springLine(app, "INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat started on port {port} (http) with context path ''"),
      springLine(app, "INFO", `${packageName.split(".").map((p) => p[0]).join(".")}.${mainClass}`, `Started ${mainClass} in {startupSeconds} seconds (process running for {processSeconds})`),
      springLine(app, "INFO", `${packageName.split(".").map((p) => p[0]).join(".")}.CustomerInfoWarmup`, "Loading customer segments from {url}"),
      springLine(app, "ERROR", "o.s.boot.SpringApplication", "Application run failed"),
      "",
      `java.lang.IllegalStateException: Failed to execute ApplicationRunner`,
      "\tat org.springframework.boot.SpringApplication.callRunner(SpringApplication.java:774) ~[spring-boot-3.2.5.jar!/:3.2.5]",
      "\tat org.springframework.boot.SpringApplication.callRunners(SpringApplication.java:755) ~[spring-boot-3.2.5.jar!/:3.2.5]",
      "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:319) ~[spring-boot-3.2.5.jar!/:3.2.5]",
      "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1358) ~[spring-boot-3.2.5.jar!/:3.2.5]",
      "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1347) ~[spring-boot-3.2.5.jar!/:3.2.5]",
      `\tat ${packageName}.${mainClass}.main(${mainClass}.java:12) ~[!/:1.4.2]`,
      "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(Unknown Source) ~[na:na]",
      "\tat java.base/java.lang.reflect.Method.invoke(Unknown Source) ~[na:na]",
      "\tat org.springframework.boot.loader.launch.Launcher.launch(Launcher.java:91) ~[app.jar:1.4.2]",
      "\tat org.springframework.boot.loader.launch.Launcher.launch(Launcher.java:53) ~[app.jar:1.4.2]",
      "\tat org.springframework.boot.loader.launch.JarLauncher.main(JarLauncher.java:58) ~[app.jar:1.4.2]",
      `Caused by: org.springframework.web.client.ResourceAccessException: I/O error on GET request for "{url}": {errorMessage}`,
      "\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915) ~[spring-web-6.1.6.jar!/:6.1.6]",
      "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895) ~[spring-web-6.1.6.jar!/:6.1.6]",
      "\tat org.springframework.web.client.RestTemplate.execute(RestTemplate.java:790) ~[spring-web-6.1.6.jar!/:6.1.6]",
      "\tat org.springframework.web.client.RestTemplate.getForObject(RestTemplate.java:380) ~[spring-web-6.1.6.jar!/:6.1.6]",
      `\tat ${packageName}.CustomerInfoWarmup.run(CustomerInfoWarmup.java:31) ~[!/:1.4.2]`,
      "\tat org.springframework.boot.SpringApplication.callRunner(SpringApplication.java:771) ~[spring-boot-3.2.5.jar!/:3.2.5]",
      "\t... 10 common frames omitted",
      "Caused by: {error}",
      "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method) ~[na:na]",
      "\tat java.base/sun.nio.ch.Net.pollConnectNow(Unknown Source) ~[na:na]",
      "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(Unknown Source) ~[na:na]",
      "\tat java.base/sun.nio.ch.NioSocketImpl.connect(Unknown Source) ~[na:na]",
      "\tat java.base/java.net.Socket.connect(Unknown Source) ~[na:na]",
      "\tat java.base/sun.net.NetworkClient.doConnect(Unknown Source) ~[na:na]",
      "\tat java.base/sun.net.www.http.HttpClient.openServer(Unknown Source) ~[na:na]",
      "\tat java.base/sun.net.www.http.HttpClient.openServer(Unknown Source) ~[na:na]",
      "\t... 18 common frames omitted",
      "",
    ],
  };
}

/** `java` command-line rules: `-jar <file>` (must exist), JVM options, then Spring's `--key=value` properties. */
export const JAVA_ARGS: NonNullable<AppModel["args"]> = {
  options: [
    { name: "-jar", takesValue: true, file: true, endsOptions: true },
    { name: "-X", prefix: true },
    { name: "-D", prefix: true },
    { name: "-server" },
    { name: "-cp", takesValue: true },
    { name: "-classpath", takesValue: true },
    { name: "-javaagent:", prefix: true },
  ],
  propertyArgs: true,
  positionals: "any",
  baseDir: "/app",
  unknownOption: {
    exitCode: 1,
    afterSeconds: 0.1,
    logs: ["Unrecognized option: {option}", "Error: Could not create the Java Virtual Machine.", "Error: A fatal exception has occurred. Program will exit."],
  },
  missingFile: { exitCode: 1, afterSeconds: 0.1, logs: ["Error: Unable to access jarfile {file}"] },
  missingArguments: {
    exitCode: 1,
    afterSeconds: 0.1,
    logs: [
      "Usage: java [options] <mainclass> [args...]",
      "           (to execute a class)",
      "   or  java [options] -jar <jarfile> [args...]",
      "           (to execute a jar file)",
      "   or  java [options] -m <module>[/<mainclass>] [args...]",
      "       java [options] --module <module>[/<mainclass>] [args...]",
      "           (to execute the main class in a module)",
      "   or  java [options] <sourcefile> [args]",
      "           (to execute a single source-file program)",
      "",
      " Arguments following the main class, source file, -jar <jarfile>,",
      " -m or --module <module>/<mainclass> are passed as the arguments to",
      " main class.",
    ],
  },
};
