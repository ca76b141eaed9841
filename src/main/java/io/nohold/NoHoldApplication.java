package io.nohold;

import java.util.Arrays;
import java.util.OptionalInt;

import io.nohold.simulation.SimulatorRuntime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NoHoldApplication {

    /** The first argument that starts the what-if simulator instead of the server (io.nohold.simulation). */
    public static final String SIMULATE = "simulate";

    /** The profile of the simulator: an in-memory engine, no web server, no job executor, no mail. */
    public static final String SIMULATION_PROFILE = "simulation";

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(SIMULATE)) {
            if (Arrays.asList(args).contains(SimulatorRuntime.PREPARE)) {
                if (args.length != 2) {
                    System.err.println("simulate --prepare: takes no other option");
                    System.exit(2);
                }
                System.exit(SimulatorRuntime.prepare());
            }
            // started from the packaged jar: in the JVM prepared for the simulator beside it, if there is one
            OptionalInt prepared = SimulatorRuntime.runPrepared(args);
            if (prepared.isPresent()) {
                System.exit(prepared.getAsInt());
            }
            SimulatorRuntime.endWithParent();
            // also when a launcher puts its own options first (mvn spring-boot:run -Dspring-boot.run.arguments=...)
            String[] rest = Arrays.stream(args).filter(arg -> !SIMULATE.equals(arg)).toArray(String[]::new);
            int status = SpringApplication.exit(new SpringApplicationBuilder(NoHoldApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(SIMULATION_PROFILE)
                .run(rest));
            System.exit(status);
        }
        SpringApplication.run(NoHoldApplication.class, args);
    }

}
