# The app image for docker-compose.yml: the jar built by ./mvnw package, on a Java 17 runtime.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 govshare
USER govshare
WORKDIR /app
COPY target/govshare-*.jar /app/govshare.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/govshare.jar"]
