package dev.cohort;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class CohortApplication {
    public static void main(String[] args) {
        SpringApplication.run(CohortApplication.class, args);
    }
}
