# The API, explorer and importer; the database is the neo4j service of docker-compose.yml.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY web ./web
RUN npm ci --no-audit --no-fund && npm prune --omit=dev
# graphql-js skips its development checks (the API sets introspection itself, so it stays on)
ENV NODE_ENV=production
COPY . .
USER node
EXPOSE 4000
# migrate, import seeds/, serve
CMD ["node", "--max-semi-space-size=32", "bin/labour-graph.js", "start"]
