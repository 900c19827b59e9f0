# The app image for docker-compose.yml: the jar built by ./mvnw package, on a Java 17 runtime.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 govshare
# The app runs as govshare, not root, so the folders it writes must be its own: the seal keys' folder (a volume every
# node shares; an empty volume takes the owner of the folder it is mounted on) and data/, where each node appends the
# audit checkpoints file (govshare.anchor.file, data/audit-checkpoints.jsonl under the working directory)
RUN mkdir -p /var/lib/govshare/seals /app/data && chown govshare /var/lib/govshare/seals /app/data
USER govshare
WORKDIR /app
COPY target/govshare-*.jar /app/govshare.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/govshare.jar"]
