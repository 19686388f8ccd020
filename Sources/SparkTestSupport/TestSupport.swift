import AgentCore
import SparkLSP
